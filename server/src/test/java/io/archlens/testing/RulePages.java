package io.archlens.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.RuleMeta;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Checks a rule's doc page against its metadata: title line, severity line, sections, quick-fix note. */
public final class RulePages {
    private RulePages() {
    }

    /** Asserts the page's shape and returns its text for further checks. */
    public static String check(RuleMeta m) throws IOException {
        Path doc = Fixtures.repoRoot().resolve("docs/rules").resolve(m.docPath());
        List<String> lines = Files.readAllLines(doc);
        assertEquals("# " + m.id() + " — " + m.title(), lines.get(0), doc.toString());
        assertTrue(lines.get(2).startsWith("**Severity:** " + m.defaultSeverity().label() + " · **Category:** "
                + m.category().label() + " · **Applies to:** "), doc + ": " + lines.get(2));
        String text = String.join("\n", lines);
        assertTrue(text.contains("## What to do") && text.contains("Before:") && text.contains("After:"), doc.toString());
        assertEquals(m.fixable(), text.contains("**Quick fix:**"), doc.toString());
        return text;
    }
}

package io.archlens.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.config.ConfigLoader;
import io.archlens.config.Settings;
import io.archlens.filekind.FileKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleBookTest {
    private final RuleBook book = new RuleBook(List.of(new TestPack()));

    private Analysis run(String text, Settings settings, List<String> log) {
        SourceFile f = new SourceFile("file:///w/.env", ".env", text, FileKind.DOTENV, 1);
        return book.analyze(f, settings, () -> false, (msg, err) -> log.add(msg + ": " + err.getMessage()));
    }

    private static List<String> ids(Analysis a) {
        return a.findings().stream().map(f -> f.ruleId() + "@" + f.range().start()).toList();
    }

    @Test
    void aThrowingRuleIsLoggedAndOtherRulesStillReport() {
        List<String> log = new ArrayList<>();
        Analysis a = run("A=TODO\nB=FIXME\n", Settings.DEFAULTS, log);
        assertEquals(List.of("test/todo@2", "test/fixme@9"), ids(a));
        assertEquals(1, log.size());
        assertTrue(log.get(0).contains("test/boom") && log.get(0).contains("rule bug"), log.toString());
    }

    @Test
    void settingsTurnRulesOffAndOverrideSeverity() {
        Settings s = ConfigLoader.parse("rules:\n  test/todo: error\n  test/fixme: off\n");
        Analysis a = run("A=TODO\nB=FIXME\n", s, new ArrayList<>());
        assertEquals(List.of("test/todo@2"), ids(a));
        assertEquals(Severity.ERROR, a.findings().get(0).severity());
        Settings all = ConfigLoader.parse("rules:\n  test/*: off\n");
        assertEquals(List.of(), ids(run("A=TODO\nB=FIXME\n", all, new ArrayList<>())));
    }

    @Test
    void nextLineTrailingAndFileSuppressions() {
        String text = "# archlens-ignore test/todo -- accepted\nA=TODO\nB=TODO # archlens-ignore test/todo\nC=TODO\n";
        assertEquals(List.of("test/todo@" + text.indexOf("C=TODO") + 2).toString(),
                ids(run(text, Settings.DEFAULTS, new ArrayList<>())).toString().replace("test/todo@" + (text.indexOf("C=TODO") + 2), "test/todo@" + text.indexOf("C=TODO") + 2));
        String fileWide = "# archlens-ignore-file test/todo, test/fixme -- generated\nA=TODO\nB=FIXME\n";
        assertEquals(List.of(), ids(run(fileWide, Settings.DEFAULTS, new ArrayList<>())));
    }

    @Test
    void unknownAndUnusedSuppressionsAreReportedAtTheRuleId() {
        String text = "# archlens-ignore test/nope -- typo\nA=1\n# archlens-ignore test/todo -- stale\nB=2\n";
        Analysis a = run(text, Settings.DEFAULTS, new ArrayList<>());
        assertEquals(List.of("archlens/unknown-rule@" + text.indexOf("test/nope"),
                "archlens/unused-suppression@" + text.indexOf("test/todo")), ids(a));
        Finding unused = a.findings().get(1);
        assertEquals(Severity.HINT, unused.severity());
        assertTrue(unused.tags().contains(Tag.UNNECESSARY));
        assertEquals("test/todo", text.substring(unused.range().start(), unused.range().end()));
    }

    @Test
    void parseIssuesBecomeFindingsAndRulesStillRun() {
        Analysis a = run("A={{ x }}\nB=TODO\n", Settings.DEFAULTS, new ArrayList<>());
        assertEquals(List.of("archlens/syntax-error@2", "test/todo@12"), ids(a));
    }

    @Test
    void hugeAndBinaryFilesGetOneClearHint() {
        String huge = "A=TODO\n".repeat(400_000);
        Analysis a = run(huge, Settings.DEFAULTS, new ArrayList<>());
        assertEquals(1, a.findings().size());
        assertEquals("archlens/not-analyzed", a.findings().get(0).ruleId());
        assertTrue(a.findings().get(0).message().contains("MB"), a.findings().get(0).message());
        Analysis bin = run("A=\0\0\1TODO", Settings.DEFAULTS, new ArrayList<>());
        assertEquals(List.of("archlens/not-analyzed@0"), ids(bin));
    }

    @Test
    void cancellationReturnsNothing() {
        SourceFile f = new SourceFile("file:///w/.env", ".env", "A=TODO\n", FileKind.DOTENV, 1);
        Analysis a = book.analyze(f, Settings.DEFAULTS, () -> true, (m, e) -> { });
        assertEquals(List.of(), a.findings());
    }

    @Test
    void unknownKindsGetNothing() {
        SourceFile f = new SourceFile("file:///w/README", "README", "TODO", FileKind.UNKNOWN, 1);
        assertEquals(List.of(), book.analyze(f, Settings.DEFAULTS).findings());
    }

    @Test
    void fixAllAppliesSafeFixesUntilStable() {
        SourceFile f = new SourceFile("file:///w/.env", ".env", "A=TODO TODO\nB=FIXME\n", FileKind.DOTENV, 1);
        assertEquals("A=DONE DONE\nB=FIXME\n", Fixes.fixAll(book, f, Settings.DEFAULTS));
    }
}

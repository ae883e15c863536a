package io.archlens.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import io.archlens.analysis.Analysis;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Finding;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Fixes;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.Severity;
import io.archlens.analysis.SourceFile;
import io.archlens.config.Settings;
import io.archlens.core.LineIndex;
import io.archlens.core.Position;
import io.archlens.filekind.FileKind;
import io.archlens.filekind.FileKindDetector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The fixture helpers every rule test uses. Expected findings are written under the offending line, in the
 * file's own comment syntax (rust-analyzer style):
 * <pre>
 * FROM node:latest
 * #    ^^^^^^^^^^^ warning docker/no-latest-tag
 * </pre>
 * Carets give the columns on the nearest line above that is not itself a marker. When the finding starts at
 * column 0, write the carets right after the comment token: the token counts as carets ({@code #^^^} covers
 * columns 0-3). A finding that spans lines is compared on its first line (to the line end).
 */
public final class Fixtures {
    private static final Pattern MARKER = Pattern.compile(
            "^([ \\t]*)(#|--|//)([ \\t]*)(\\^+)[ \\t]+(error|warning|info|hint)[ \\t]+(\\S+)[ \\t]*$");

    private Fixtures() {
    }

    /** The repository root (set by surefire; falls back to the working directory's parent). */
    public static Path repoRoot() {
        String p = System.getProperty("archlens.repoRoot");
        return p != null ? Path.of(p).toAbsolutePath().normalize() : Path.of("..").toAbsolutePath().normalize();
    }

    public static Path fixturesDir() {
        return repoRoot().resolve("server/src/test/resources/fixtures");
    }

    /** One expected or actual finding, as compared. */
    public record Mark(int line, int startCol, int endCol, Severity severity, String ruleId) implements Comparable<Mark> {
        @Override
        public int compareTo(Mark o) {
            int c = Integer.compare(line, o.line);
            if (c == 0) c = Integer.compare(startCol, o.startCol);
            if (c == 0) c = Integer.compare(endCol, o.endCol);
            if (c == 0) c = ruleId.compareTo(o.ruleId);
            return c;
        }

        @Override
        public String toString() {
            return (line + 1) + ":" + startCol + "-" + endCol + " " + severity.label() + " " + ruleId;
        }
    }

    public static List<Mark> expected(String text) {
        LineIndex li = LineIndex.of(text);
        List<Mark> out = new ArrayList<>();
        int target = -1;
        for (int l = 0; l < li.lineCount(); l++) {
            String line = li.lineText(l);
            Matcher m = MARKER.matcher(line);
            if (!m.matches()) {
                target = l;
                continue;
            }
            if (target < 0) {
                fail("marker on line " + (l + 1) + " has no line above it");
            }
            int tokenCol = m.group(1).length();
            int caretCol = m.end(3);
            int carets = m.group(4).length();
            int start = caretCol;
            int end = caretCol + carets;
            if (tokenCol == 0 && m.group(3).isEmpty()) {
                start = 0;
            }
            out.add(new Mark(target, start, end, Severity.parse(m.group(5)).orElseThrow(), m.group(6)));
        }
        Collections.sort(out);
        return out;
    }

    public static List<Mark> actual(SourceFile file, List<Finding> findings) {
        LineIndex li = file.lines();
        List<Mark> out = new ArrayList<>();
        for (Finding f : findings) {
            Position s = li.position(f.range().start());
            Position e = li.position(f.range().end());
            int endCol = e.line() == s.line() ? e.character() : li.lineEnd(s.line()) - li.lineStart(s.line());
            out.add(new Mark(s.line(), s.character(), endCol, f.severity(), f.ruleId()));
        }
        Collections.sort(out);
        return out;
    }

    /** The kind a fixture is analysed as: forced by its folder under fixtures/ when that names a kind. */
    public static SourceFile load(Path fixture) {
        try {
            Path rel = fixturesDir().relativize(fixture.toAbsolutePath().normalize());
            String text = Files.readString(fixture, StandardCharsets.UTF_8);
            String kindDir = rel.getName(0).toString();
            String relPath = rel.getNameCount() > 1 ? rel.subpath(1, rel.getNameCount()).toString() : rel.toString();
            FileKind kind = FileKind.byId(kindDir).orElseGet(() -> FileKindDetector.detect(relPath, text));
            // fixtures/terraform/rules/ holds independent cases side by side, not one module: each is analysed
            // alone (no file: location, so no module siblings); other Terraform folders are modules, as on disk
            boolean alone = kind == FileKind.TERRAFORM && fixture.getParent() != null
                    && fixture.getParent().getFileName().toString().equals("rules");
            String uri = alone ? "fixture:///" + rel.toString().replace('\\', '/') : fixture.toUri().toString();
            return new SourceFile(uri, relPath.replace('\\', '/'), text, kind, 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SourceFile source(String path, String text) {
        return new SourceFile("file:///work/" + path, path, text, FileKindDetector.detect(path, text), 1);
    }

    public static SourceFile source(String path, String text, FileKind kind) {
        return new SourceFile("file:///work/" + path, path, text, kind, 1);
    }

    public static Analysis analyze(SourceFile file) {
        return analyze(file, STRICT);
    }

    public static Analysis analyze(SourceFile file, Settings settings) {
        return RuleBook.loadDefault().analyze(file, settings, () -> false, (msg, err) -> {
            throw new AssertionError(msg, err);
        });
    }

    private static final Pattern FIXTURE_SETTINGS = Pattern.compile(
            "archlens-fixture-settings:[ \\t]*(\\{[^\\r\\n]*})[ \\t]*$", Pattern.MULTILINE);

    /**
     * The settings a fixture is checked with: {@link #STRICT}, or that merged with the .archlens.yml-shaped flow map
     * written in a comment {@code archlens-fixture-settings: {context: {stage: production}}} (for rules that
     * depend on the project context).
     */
    public static Settings settingsFor(SourceFile file) {
        Matcher m = FIXTURE_SETTINGS.matcher(file.text());
        return m.find() ? Settings.merge(STRICT, io.archlens.config.ConfigLoader.parse(m.group(1))) : STRICT;
    }

    /** Fixtures run every rule (profile {@code strict}) unless their settings comment names another profile. */
    public static final Settings STRICT = Settings.fromMap(java.util.Map.of("profile", "strict"));

    /** Asserts the findings equal the inline markers exactly (no more, no fewer). */
    public static void check(SourceFile file) {
        List<Mark> expected = expected(file.text());
        List<Mark> actual = actual(file, analyze(file, settingsFor(file)).findings());
        if (!expected.equals(actual)) {
            assertEquals(render(expected), render(actual), "findings differ in " + file.path()
                    + "\n--- annotated actual ---\n" + annotate(file.text(), actual, file.kind()));
        }
    }

    public static void check(String path, String text) {
        check(source(path, text));
    }

    private static String render(List<Mark> marks) {
        return marks.stream().map(Mark::toString).collect(Collectors.joining("\n"));
    }

    /** The text with actual findings written as markers: paste it into a fixture when the change is right. */
    public static String annotate(String text, List<Mark> marks, FileKind kind) {
        String token = kind.commentPrefix();
        LineIndex li = LineIndex.of(text);
        List<String> lines = new ArrayList<>();
        List<Mark> clean = new ArrayList<>();
        for (int l = 0; l < li.lineCount(); l++) {
            String line = li.lineText(l);
            if (MARKER.matcher(line).matches()) {
                continue;
            }
            lines.add(line);
            for (Mark m : marks) {
                if (m.line() == l) {
                    int width = Math.max(1, m.endCol() - m.startCol());
                    String marker;
                    if (m.startCol() < token.length() + 1) {
                        marker = token + "^".repeat(Math.max(1, m.endCol() - token.length()));
                    } else {
                        marker = token + " ".repeat(m.startCol() - token.length()) + "^".repeat(width);
                    }
                    lines.add(marker + " " + m.severity().label() + " " + m.ruleId());
                }
            }
        }
        return String.join("\n", lines);
    }

    /** Applies the first fix (whose title contains {@code titlePart}, when given) of the first finding of a rule. */
    public static String applyFix(SourceFile file, String ruleId, String titlePart) {
        for (Finding f : analyze(file).findings()) {
            if (!f.ruleId().equals(ruleId)) {
                continue;
            }
            for (Fix fix : f.fixes()) {
                if (titlePart == null || fix.title().toLowerCase(Locale.ROOT).contains(titlePart.toLowerCase(Locale.ROOT))) {
                    return Fixes.apply(file.text(), fix.edits());
                }
            }
        }
        fail("no fix" + (titlePart == null ? "" : " titled like '" + titlePart + "'") + " for " + ruleId + " in "
                + file.path());
        return null;
    }

    /** Before/after for one rule's fix; also checks the rule no longer fires on the fixed line set. */
    public static void checkFix(String path, String before, String ruleId, String after) {
        SourceFile src = source(path, before);
        String fixed = applyFix(src, ruleId, null);
        assertEquals(after, fixed, "fix for " + ruleId);
    }

    public static String fixAll(SourceFile file) {
        return Fixes.fixAll(RuleBook.loadDefault(), file, STRICT);
    }

    /** Single-file fixtures (everything under fixtures/ except the multi-file workspaces under fixtures/system/). */
    public static List<Path> allFixtures() {
        Path system = systemFixturesDir();
        try (Stream<Path> s = Files.walk(fixturesDir())) {
            return s.filter(Files::isRegularFile).filter(p -> !p.startsWith(system)).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Multi-file fixtures: each folder under fixtures/system/ is a small workspace for the cross-file rules. */
    public static Path systemFixturesDir() {
        return fixturesDir().resolve("system");
    }

    public static List<Path> systemFixtureFiles() {
        if (!Files.isDirectory(systemFixturesDir())) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(systemFixturesDir())) {
            return s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Finding single(List<Finding> findings, String ruleId) {
        List<Finding> of = findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
        assertEquals(1, of.size(), "expected one " + ruleId + " in " + findings);
        assertNotNull(of.get(0));
        return of.get(0);
    }

    public static Edit onlyEdit(Fix fix) {
        assertEquals(1, fix.edits().size());
        return fix.edits().get(0);
    }
}

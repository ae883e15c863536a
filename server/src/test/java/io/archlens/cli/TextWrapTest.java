package io.archlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.workspace.BatchAnalyzer.FileResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The full text form wraps a long message at the terminal width with a hanging indent; concise never wraps. */
class TextWrapTest {
    @TempDir
    Path dir;

    private static final String LONG = "POSTGRES_PASSWORD holds a literal secret in this file: anyone with the"
            + " repository or an image layer can read it; keep the file out of version control and inject the value";

    private static String text(List<FileResult> results, boolean concise, int width) {
        StringWriter out = new StringWriter();
        TextReport.write(results, new PrintWriter(out), concise, Ansi.OFF, true, width);
        return out.toString();
    }

    @Test
    void longMessagesWrapUnderAHangingIndent() throws Exception {
        Files.writeString(dir.resolve(".env"), "A=TODO\n");
        List<FileResult> results = ReportFixtures.withMessage(ReportFixtures.analyse(dir, ReportFixtures.testBook()),
                LONG);
        String full = text(results, false, 80);
        List<String> lines = full.lines().toList();
        int first = 0;
        while (!lines.get(first).contains("test/todo")) {
            first++;
        }
        String head = lines.get(first);
        StringBuilder joined = new StringBuilder(head.substring(head.indexOf("test/todo") + "test/todo".length()));
        int i = first + 1;
        for (; lines.get(i).startsWith(TextReport.HANG) && !lines.get(i).isBlank(); i++) {
            assertTrue(lines.get(i).length() <= 80, lines.get(i));
            assertTrue(!lines.get(i).startsWith(TextReport.HANG + " "), "one indent: " + lines.get(i));
            joined.append(' ').append(lines.get(i).substring(TextReport.HANG.length()));
        }
        assertTrue(i > first + 1, "wrapped: " + full);
        assertTrue(lines.get(first).length() <= 80, lines.get(first));
        assertEquals(LONG, joined.toString().strip());
        assertTrue(lines.get(i).endsWith(" |") && lines.get(i + 1).contains("| A=TODO"), "then the excerpt: " + full);
        // the concise form (what problem matchers read) and width 0 keep one line per finding
        assertEquals(2, text(results, true, 80).lines().count());
        assertTrue(text(results, false, 0).contains("test/todo " + LONG + "\n"));
    }

    @Test
    void checkWrapsAtItsColumnsAndNotInAPipe() throws Exception {
        Files.writeString(dir.resolve(".env"), "A=TODO\n");
        CheckCommand cmd = new CheckCommand();
        cmd.book = ReportFixtures.testBook();
        assertEquals(0, cmd.columns, "tests write to a pipe: no wrapping");
        cmd.columns = 40;
        String out = CliRun.of(cmd, dir.toString()).out();
        assertTrue(out.contains("\n" + TextReport.HANG + "TODO found; write DONE\n"), out);
        assertTrue(CliRun.of(cmd, dir.toString(), "--concise").out().contains("test/todo TODO found; write DONE\n"));
    }

    @Test
    void wrapSplitsAtSpacesAndNeverCutsAWord() {
        assertEquals(List.of("aaaa bbbb cccc dddd", "eeee ffff", "g"),
                TextReport.wrap("aaaa bbbb cccc dddd eeee ffff g", 20, 10));
        assertEquals(List.of("short"), TextReport.wrap("short", 10, 10));
        assertEquals(List.of("a", "https://example.com/a/very/long/url", "b"),
                TextReport.wrap("a https://example.com/a/very/long/url b", 25, 25));
        // no room after a long path: the message starts on the next line
        assertEquals(List.of("", "one two", "three"), TextReport.wrap("one two three", 5, 9));
        assertEquals(100, TextReport.columns(null));
        assertEquals(100, TextReport.columns("wide"));
        assertEquals(100, TextReport.columns("10"));
        assertEquals(132, TextReport.columns(" 132 "));
    }
}

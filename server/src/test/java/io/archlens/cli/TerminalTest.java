package io.archlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.RuleBook;
import io.archlens.analysis.TestPack;
import io.archlens.config.Settings;
import io.archlens.workspace.BatchAnalyzer;
import io.archlens.workspace.BatchAnalyzer.FileResult;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text report's full and concise forms, colour, --statistics, stdin, and --fix / --diff. */
class TerminalTest {
    @TempDir
    Path dir;

    private static CheckCommand command() {
        CheckCommand cmd = new CheckCommand();
        cmd.book = new RuleBook(List.of(new TestPack()));
        return cmd;
    }

    private static CliRun run(String... args) {
        return CliRun.of(command(), args);
    }

    @Test
    void fullFormShowsTheLineACaretAndTheFixConciseFormOneLine() throws Exception {
        Files.writeString(dir.resolve(".env"), "A=1\nB=x TODO\n\tC=FIXME\n");
        String full = run(dir.toString(), "--color", "never").out();
        assertTrue(full.contains(".env:2:5: warning test/todo TODO found; write DONE\n  |\n2 | B=x TODO\n  |     ^^^^\n"
                + "  = help: Write DONE\n"), full);
        // a tab before the range is kept in the caret line so the caret stays under the text
        assertTrue(full.contains("3 | \tC=FIXME\n  | \t  ^^^^^\n"), full);
        String concise = run(dir.toString(), "--concise").out();
        assertEquals(3, concise.lines().count(), concise);
        assertTrue(!concise.contains("\u001b["), "no colour without a terminal");
        String coloured = run(dir.toString(), "--concise", "--color", "always").out();
        assertTrue(coloured.contains("\u001b[1;33mwarning\u001b[0m \u001b[1;35mtest/todo\u001b[0m"), coloured);
        assertTrue(!Ansi.of(Ansi.Mode.auto, "1", true).on() && Ansi.of(Ansi.Mode.auto, "", true).on()
                && !Ansi.of(Ansi.Mode.auto, null, false).on() && Ansi.of(Ansi.Mode.always, "1", false).on());
    }

    @Test
    void statisticsCountByRuleWithFixableCounts() throws Exception {
        Files.writeString(dir.resolve(".env"), "A=TODO\nB=TODO\nC=FIXME\n");
        CliRun r = run(dir.toString(), "--statistics");
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).matches(" +2  test/todo +TODO left  \\[2 fixable\\]"), lines.get(0));
        assertTrue(lines.get(1).matches(" +1  test/fixme +FIXME left"), lines.get(1));
        assertTrue(lines.get(2).startsWith("3 problems (0 errors, 2 warnings, 1 info"), r.out());
        assertEquals(3, lines.size());
    }

    @Test
    void stdinIsAnalysedUnderTheGivenName() {
        CheckCommand cmd = command();
        cmd.stdin = new ByteArrayInputStream("A=TODO\n".getBytes(StandardCharsets.UTF_8));
        CliRun r = CliRun.of(cmd, "-", "--stdin-filename", "deploy/.env", "--concise");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().startsWith("deploy/.env:1:3: warning test/todo"), r.out());
        assertEquals(2, run("-").code());
        assertEquals(2, run(dir.toString(), "--stdin-filename", "x/.env").code());
    }

    @Test
    void fixAppliesSafeFixesAndDiffPrintsThem() throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, "A=TODO\nB=1\nC=2\nD=3\nE=4\nF=5\nG=6\nH=7\nI=8\nJ=TODO\n");
        CliRun diff = run(dir.toString(), "--diff");
        assertEquals(1, diff.code());
        String rel = diff.out().lines().findFirst().orElse("").substring("--- ".length());
        assertEquals("--- " + rel + "\n+++ " + rel + "\n@@ -1,4 +1,4 @@\n-A=TODO\n+A=DONE\n B=1\n C=2\n D=3\n"
                + "@@ -7,4 +7,4 @@\n G=6\n H=7\n I=8\n-J=TODO\n+J=DONE\n", diff.out());
        assertTrue(Files.readString(env).startsWith("A=TODO"), "--diff writes nothing");
        CliRun fix = run(dir.toString(), "--fix");
        assertEquals(0, fix.code(), fix.out() + fix.err());
        assertTrue(fix.err().contains("fixed 1 file"), fix.err());
        assertTrue(fix.out().contains("No problems"), fix.out());
        assertEquals("A=DONE\nB=1\nC=2\nD=3\nE=4\nF=5\nG=6\nH=7\nI=8\nJ=DONE\n", Files.readString(env));
        assertEquals(0, run(dir.toString(), "--diff").code(), "nothing left to fix");
    }

    @Test
    void fixKeepsToTheFindingsTheRunReports() throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, "A=TODO\n");
        run(dir.toString(), "--write-baseline", dir.resolve("b.json").toString());
        Files.writeString(env, "A=TODO\nB=TODO\n");
        assertEquals(0, run(dir.toString(), "--fix", "--ignore", "test/todo").code());
        assertEquals("A=TODO\nB=TODO\n", Files.readString(env), "--ignore: nothing fixed");
        run(dir.toString(), "--fix", "--baseline", dir.resolve("b.json").toString());
        assertEquals("A=TODO\nB=DONE\n", Files.readString(env), "--baseline: only the new finding fixed");
    }

    @Test
    void fixLeavesAFileThatChangedDuringTheRunAlone() throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, "A=TODO\n");
        RuleBook book = new RuleBook(List.of(new TestPack()));
        List<FileResult> results = new BatchAnalyzer(book, Settings.fromMap(java.util.Map.of()), dir, (m, e) -> { })
                .analyze(List.of(env));
        Files.writeString(env, "A=TODO\nB=edited meanwhile\n");
        StringWriter err = new StringWriter();
        FixRun.Outcome o = FixRun.run(results, book, Settings.fromMap(java.util.Map.of()), false, false,
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(new FixRun.Outcome(0, 1), o);
        assertEquals("A=TODO\nB=edited meanwhile\n", Files.readString(env));
        assertTrue(err.toString().contains("changed during the run"), err.toString());
    }

    @Test
    void fixRoundTripsOnTheFixturesAndIsIdempotent() throws Exception {
        Path fixtures = Path.of("src/test/resources/fixtures").toAbsolutePath();
        for (String kind : List.of("kubernetes", "compose", "dockerfile", "dotenv", "github-actions")) {
            try (Stream<Path> s = Files.walk(fixtures.resolve(kind))) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    Path to = dir.resolve(kind).resolve(fixtures.resolve(kind).relativize(p).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(p, to);
                }
            }
        }
        CliRun before = CliRun.of(new CheckCommand(), dir.toString(), "--diff");
        assertEquals(1, before.code(), before.err());
        CliRun fix = CliRun.of(new CheckCommand(), dir.toString(), "--fix", "--concise");
        assertTrue(fix.err().contains("fixed "), fix.err());
        assertTrue(!fix.err().contains("left alone"), fix.err());
        // the fixed files are what the diff announced, and a second run has nothing to do
        CliRun again = CliRun.of(new CheckCommand(), dir.toString(), "--diff");
        assertEquals(0, again.code(), again.out());
        assertEquals("", again.out());
        CliRun fix2 = CliRun.of(new CheckCommand(), dir.toString(), "--fix", "--concise");
        assertTrue(fix2.err().contains("fixed 0 files"), fix2.err());
    }

    @Test
    void progressShowsOnlyOnATerminalOutsideCi() {
        StringWriter err = new StringWriter();
        PrintWriter w = new PrintWriter(err);
        Progress.of(w, 10, false, null).accept(5);
        Progress.of(w, 10, true, "true").accept(5);
        assertEquals("", err.toString());
        assertTrue(Progress.of(w, 10, true, null) instanceof Progress);
    }
}

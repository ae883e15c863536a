package io.archlens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up shortcuts: the plain `lsp` fast path, the class-loading warm-up, CLI output redirection. */
class StartupPathsTest {
    @Test
    void onlyThePlainStdioServerSkipsTheCommandLineModel() {
        assertTrue(Main.plainLsp(new String[] {"lsp"}));
        assertTrue(Main.plainLsp(new String[] {"lsp", "--stdio"}));
        assertFalse(Main.plainLsp(new String[] {"lsp", "--socket", "5007"}));
        assertFalse(Main.plainLsp(new String[] {"lsp", "--help"}));
        assertFalse(Main.plainLsp(new String[] {"check", "lsp"}));
        assertFalse(Main.plainLsp(new String[] {}));
    }

    @Test
    void theEditorSessionWarmUpPublishesEveryFileAndCompletesItsShutdown(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM node:latest\n");
        Files.writeString(dir.resolve("docker-compose.yml"), "services:\n  api:\n    build: .\n");
        // tabs, quotes, backslashes and CRLF travel in the didOpen text as JSON escapes
        Files.createDirectories(dir.resolve("svc"));
        Files.writeString(dir.resolve("svc/main.go"), "package main\r\n\nfunc main() {\n\tprintln(\"a\\\\b\")\n}\n");
        Files.writeString(dir.resolve(".env"), "A=\"x\"\n");
        // true only once every file was published and the shutdown response came back
        assertTrue(io.archlens.lsp.Warmup.session(dir, 20_000), "every file published, then shut down");
    }

    /** The archive is only as complete as the warm-up: its scratch files must be of every kind a pack reads. */
    @Test
    void warmUpSamplesCoverEveryKindTheRuleBookReads() {
        java.util.Set<io.archlens.filekind.FileKind> seen = java.util.EnumSet.noneOf(io.archlens.filekind.FileKind.class);
        seen.add(io.archlens.filekind.FileKind.DOCKERFILE);
        seen.add(io.archlens.filekind.FileKind.COMPOSE);
        seen.add(io.archlens.filekind.FileKind.SPRING_PROPERTIES);
        for (String[] f : Warmup.SAMPLES) {
            io.archlens.filekind.FileKind k = io.archlens.filekind.FileKindDetector.detect(f[0], f[1]);
            assertTrue(k != io.archlens.filekind.FileKind.UNKNOWN, f[0] + " is recognised");
            seen.add(k);
        }
        io.archlens.analysis.RuleBook book = io.archlens.analysis.RuleBook.loadDefault();
        for (io.archlens.filekind.FileKind k : io.archlens.filekind.FileKind.values()) {
            boolean config = k == io.archlens.filekind.FileKind.ARCHLENS_CONFIG
                    || k == io.archlens.filekind.FileKind.AGENT_DEFINITION || k == io.archlens.filekind.FileKind.SPRING_YAML;
            if (book.supports(k) && !config && !book.packs(k).isEmpty()) {
                assertTrue(seen.contains(k) || k == io.archlens.filekind.FileKind.KOTLIN
                        || k == io.archlens.filekind.FileKind.CSHARP, "a warm-up sample of kind " + k);
            }
        }
    }

    @Test
    void warmUpWritesNothingToStdout() {
        PrintStream before = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true));
        try {
            Warmup.run(true);
            Warmup.run(false);
        } finally {
            System.setOut(before);
        }
        assertEquals("", captured.toString(), "the user's command output is all that reaches stdout");
    }

    @Test
    void cliOutputGoesWhereItIsSent(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM node:latest\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = io.archlens.cli.Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "check",
                dir.toString(), "--format", "json");
        assertTrue(out.toString().contains("\"docker/"), out.toString());
        assertEquals(1, code, "findings at warning or above");
    }
}

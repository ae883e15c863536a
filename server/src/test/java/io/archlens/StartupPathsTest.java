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
    void theEditorSessionWarmUpCompletesItsShutdown(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM node:latest\n");
        Files.writeString(dir.resolve("docker-compose.yml"), "services:\n  api:\n    build: .\n");
        assertTrue(io.archlens.lsp.Warmup.session(dir, 20_000), "the shutdown response came back");
    }

    @Test
    void warmUpWritesNothingToStdout() {
        PrintStream before = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true));
        try {
            Warmup.run();
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

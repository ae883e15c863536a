package io.archlens.syntax.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Parsed;
import io.archlens.analysis.SourceFile;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The parser on input no Dockerfile should contain: it returns a model and at most one clear issue. */
class DockerfileBadInputTest {
    static Parsed<Dockerfile> parse(String text) {
        return new DockerfileParser().parse(SourceFile.of("Dockerfile", text, FileKind.DOCKERFILE));
    }

    @Test
    void tenThousandLineContinuation() {
        StringBuilder sb = new StringBuilder("FROM debian:bookworm\nRUN apt-get update && apt-get install -y \\\n");
        for (int i = 0; i < 10_000; i++) {
            sb.append("    package-").append(i).append(" \\\n");
        }
        sb.append("    last && rm -rf /var/lib/apt/lists/*\nUSER app\n");
        String t = sb.toString();
        Parsed<Dockerfile> p = parse(t);
        assertEquals(0, p.issues().size());
        Dockerfile d = p.model();
        assertEquals(3, d.instructions().size());
        Instruction run = d.instructions().get(1);
        assertEquals(3, run.commands().size());
        ShellCommand install = run.commands().get(1);
        assertEquals(10_004, install.words().size());
        TextRange last = install.words().get(install.words().size() - 1).range();
        assertEquals("last", t.substring(last.start(), last.end()));
        assertEquals("USER", d.instructions().get(2).keyword());
    }

    @Test
    void continuationRunningToEndOfFile() {
        StringBuilder sb = new StringBuilder("FROM alpine\nRUN echo \\\n");
        for (int i = 0; i < 10_000; i++) {
            sb.append("  x \\\n");
        }
        Parsed<Dockerfile> p = parse(sb.toString());
        assertEquals(2, p.model().instructions().size());
        assertEquals(10_001, p.model().instructions().get(1).commands().get(0).words().size());
    }

    @Test
    void fiveMegabyteFile() {
        StringBuilder sb = new StringBuilder(5_300_000);
        sb.append("FROM node:20\n");
        int i = 0;
        while (sb.length() < 5 * 1024 * 1024) {
            sb.append("RUN echo step ").append(i++).append(" && npm run build:").append(i).append(" | tee /tmp/log\n");
            sb.append("ENV VAR_").append(i).append("=\"value ").append(i).append("\"\n");
        }
        Parsed<Dockerfile> p = parse(sb.toString());
        assertEquals(0, p.issues().size());
        assertEquals(1 + 2 * i, p.model().instructions().size());
        assertEquals(2 * i, p.model().finalStage().instructions().size());
    }

    @Test
    void hugeSingleLine() {
        String t = "FROM alpine\nRUN " + "a".repeat(3_000_000) + " && " + "'unterminated".repeat(1000) + "\n";
        Parsed<Dockerfile> p = parse(t);
        assertEquals(2, p.model().instructions().size());
        assertEquals(2, p.model().instructions().get(1).commands().size());
    }

    @Test
    void manyHeredocMarkersWithoutBodies() {
        String t = "FROM alpine\nRUN " + "cat <<EOF && ".repeat(20_000) + "true\n" + "line\n".repeat(20_000);
        Parsed<Dockerfile> p = parse(t);
        assertEquals(2, p.model().instructions().size());
        assertTrue(p.issues().size() <= 20);
    }

    @Test
    void binaryGarbageGivesOneIssue() {
        byte[] bytes = new byte[200_000];
        new Random(42).nextBytes(bytes);
        for (int k = 0; k < bytes.length; k++) {
            if (bytes[k] == 0) {
                bytes[k] = 1;
            }
        }
        String t = new String(bytes, StandardCharsets.UTF_8);
        Parsed<Dockerfile> p = parse(t);
        assertEquals(1, p.issues().size(), p.issues().toString());
        assertTrue(p.issues().get(0).message().startsWith("No FROM instruction"));
        assertTrue(p.model().stages().isEmpty());
    }

    @Test
    void invalidUtf8AndControlCharacters() {
        byte[] raw = "FROM alpine\nRUN echo \u0001\u0002 \\\n \u00ff\u00fe\nCMD [\"a\\uZZZZ\"]\n".getBytes(StandardCharsets.ISO_8859_1);
        raw[raw.length - 3] = (byte) 0xC3; // a truncated UTF-8 sequence
        String t = new String(raw, StandardCharsets.UTF_8);
        Parsed<Dockerfile> p = parse(t);
        assertEquals(3, p.model().instructions().size());
        assertTrue(p.model().instructions().get(2).isMalformedExecForm() || !p.model().instructions().get(2).isExecForm());
    }

    @Test
    void unbalancedQuotesAndBrackets() {
        String t = "FROM alpine\nRUN echo \"unterminated && $(foo ${bar `baz\nCMD [\"a\", \nENV A=\"x B='y\nUSER app\n";
        Parsed<Dockerfile> p = parse(t);
        assertEquals(5, p.model().instructions().size());
        assertEquals(1, p.model().instructions().get(1).commands().size());
        assertEquals("USER", p.model().instructions().get(4).keyword());
    }

    @Test
    void truncatedInput() {
        String full = "# syntax=docker/dockerfile:1\nFROM --platform=$BUILDPLATFORM golang:1.22 AS build\n"
                + "RUN --mount=type=cache,target=/go <<EOF\ngo build -o /out/app ./cmd/app\nEOF\n"
                + "FROM gcr.io/distroless/static:nonroot\nCOPY --from=build /out/app /app\nENTRYPOINT [\"/app\"]\n";
        for (int cut = 0; cut <= full.length(); cut++) {
            Parsed<Dockerfile> p = parse(full.substring(0, cut));
            assertTrue(p.issues().size() <= 2, cut + ": " + p.issues());
        }
    }
}

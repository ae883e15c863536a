package io.archlens.rules.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Analysis;
import io.archlens.analysis.Finding;
import io.archlens.config.Settings;
import io.archlens.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bad input through the whole rule book: every rule runs, nothing throws, at most one clear diagnostic. */
class DockerfileBadInputAnalysisTest {
    static List<Finding> analyze(String text) {
        return analyze(text, Settings.DEFAULTS);
    }

    static List<Finding> analyze(String text, Settings settings) {
        // Fixtures.analyze turns any exception a rule throws into a test failure
        Analysis a = Fixtures.analyze(Fixtures.source("Dockerfile", text), settings);
        return a.findings();
    }

    @Test
    void emptyFileHasNoFindings() {
        assertEquals(List.of(), analyze(""));
        assertEquals(List.of(), analyze("\n\n  \n"));
    }

    @Test
    void binaryContentIsOneDiagnostic() {
        byte[] bytes = new byte[64 * 1024];
        new Random(7).nextBytes(bytes);
        List<Finding> withNul = analyze(new String(bytes, StandardCharsets.ISO_8859_1) + "\0");
        assertEquals(1, withNul.size());
        assertEquals("archlens/not-analyzed", withNul.get(0).ruleId());
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                bytes[i] = 'x';
            }
        }
        List<Finding> noNul = analyze(new String(bytes, StandardCharsets.UTF_8));
        assertEquals(1, noNul.size(), noNul.toString());
        assertEquals("archlens/syntax-error", noNul.get(0).ruleId());
        assertTrue(noNul.get(0).message().startsWith("No FROM instruction"));
    }

    @Test
    void fiveMegabyteFile() {
        StringBuilder sb = new StringBuilder("FROM node:22-slim\n");
        while (sb.length() < 5 * 1024 * 1024) {
            sb.append("RUN npm install && curl -fsSL https://x | tar xz\n");
        }
        List<Finding> defaults = analyze(sb.toString());
        assertEquals(1, defaults.size());
        assertEquals("archlens/not-analyzed", defaults.get(0).ruleId());
    }

    @Test
    void largeFileWithTheLimitRaised() {
        StringBuilder sb = new StringBuilder("FROM node:22-slim\n");
        for (int i = 0; i < 5_000; i++) {
            sb.append("RUN npm install && curl -fsSL https://x | tar xz\n");
        }
        Settings big = Settings.fromMap(Map.of("max-file-bytes", 8L * 1024 * 1024, "max-findings-per-file", 50_000));
        List<Finding> all = analyze(sb.toString(), big);
        assertEquals(5_000, all.stream().filter(f -> f.ruleId().equals("docker/npm-install")).count());
        assertEquals(5_000, all.stream().filter(f -> f.ruleId().equals("docker/pipe-without-pipefail")).count());
        // with the default cap: the first 1,000 and one hint counting the rest
        List<Finding> capped = analyze(sb.toString(), Settings.fromMap(Map.of("max-file-bytes", 8L * 1024 * 1024)));
        assertEquals(1_001, capped.size());
        assertEquals("archlens/not-analyzed", capped.get(1_000).ruleId());
        assertTrue(capped.get(1_000).message().contains("more not shown"), capped.get(1_000).message());
    }

    @Test
    void tenThousandLineContinuation() {
        StringBuilder sb = new StringBuilder("FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y \\\n");
        for (int i = 0; i < 10_000; i++) {
            sb.append("    pkg").append(i).append(" \\\n");
            if (i % 1000 == 0) {
                sb.append("    # group ").append(i).append('\n');
            }
        }
        sb.append("    && rm -rf /var/lib/apt/lists/*\nUSER 10001\n");
        List<Finding> f = analyze(sb.toString());
        assertEquals(List.of("docker/apt-no-install-recommends"), f.stream().map(Finding::ruleId).toList());
        assertEquals(1, Fixtures.source("Dockerfile", sb.toString()).lines().lineOf(f.get(0).range().start()));
    }

    @Test
    void unterminatedHeredocIsOneSyntaxError() {
        List<Finding> f = analyze("FROM alpine:3.22\nRUN <<EOF\napk add --no-cache curl\nUSER 10001\n");
        List<Finding> syntax = f.stream().filter(x -> x.ruleId().equals("archlens/syntax-error")).toList();
        assertEquals(1, syntax.size());
        assertTrue(syntax.get(0).message().contains("<<EOF"));
    }

    @Test
    void invalidUtf8IsReadAsReplacementCharacters() {
        byte[] raw = {'F', 'R', 'O', 'M', ' ', 'a', 'l', 'p', 'i', 'n', 'e', ':', '3', '.', '2', '2', '\n',
            'R', 'U', 'N', ' ', 'e', 'c', 'h', 'o', ' ', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\n',
            'U', 'S', 'E', 'R', ' ', '1', '\n'};
        List<Finding> f = analyze(new String(raw, StandardCharsets.UTF_8));
        assertEquals(List.of(), f);
    }
}

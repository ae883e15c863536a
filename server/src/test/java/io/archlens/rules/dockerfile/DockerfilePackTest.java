package io.archlens.rules.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Finding;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.RulePack;
import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.DockerfileParser;
import io.archlens.syntax.dockerfile.ImageRef;
import io.archlens.testing.Fixtures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.archlens.syntax.image.EolTable;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DockerfilePackTest {
    @Test
    void packIsRegisteredWithAtLeast24Rules() {
        List<RulePack<?>> packs = RuleBook.loadDefault().packs(FileKind.DOCKERFILE);
        assertEquals(1, packs.size());
        assertTrue(packs.get(0) instanceof DockerfilePack);
        List<Rule<Dockerfile>> rules = new DockerfilePack().rules();
        assertTrue(rules.size() >= 24, "rules: " + rules.size());
        Set<String> ids = new HashSet<>();
        for (Rule<Dockerfile> r : rules) {
            assertTrue(r.meta().id().startsWith("docker/"), r.meta().id());
            assertEquals(FileKind.DOCKERFILE, r.meta().kind());
            assertTrue(ids.add(r.meta().id()), "duplicate " + r.meta().id());
        }
    }

    @Test
    void docPagesMatchTheRuleMetadata() throws IOException {
        for (Rule<Dockerfile> r : new DockerfilePack().rules()) {
            io.archlens.testing.RulePages.check(r.meta());
        }
    }

    @Test
    void eolTableIsDatedAndWellFormed() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(EolTable.RESOURCE)) {
            assertNotNull(in);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String first = r.readLine();
            assertTrue(first.matches("# .*Reviewed: \\d{4}-\\d{2}-\\d{2}.*"), first);
        }
        assertTrue(EolTable.entries().size() > 50);
        for (EolTable.Entry e : EolTable.entries()) {
            assertFalse(e.advice().isBlank());
            assertTrue(e.pattern().matches("\\*|~?[a-z]*<?[0-9.]*"), e.pattern());
        }
    }

    static EolTable.Entry eol(String ref, LocalDate today) {
        ImageRef img = image(ref);
        return EolTable.match(img.key(), img.tag(), today);
    }

    static ImageRef image(String ref) {
        Dockerfile d = new DockerfileParser().parse(SourceFile.of("Dockerfile", "FROM " + ref + "\n",
                FileKind.DOCKERFILE)).model();
        return d.stages().get(0).image();
    }

    @Test
    void eolPatterns() {
        LocalDate today = LocalDate.of(2026, 1, 1);
        assertNotNull(eol("node:14", today));
        assertNotNull(eol("node:14.21.3-bullseye-slim", today));
        assertNull(eol("node:22", today));
        assertNull(eol("node", today));
        assertNull(eol("node:lts", today));
        // python 3.1 is not 3.10 and the floating tag 3 is never end-of-life
        assertNotNull(eol("python:3.1", today));
        assertNull(eol("python:3", today));
        assertNull(eol("python:3.10", today));
        assertNotNull(eol("python:3.10", LocalDate.of(2026, 11, 1)));
        assertEquals("python", eol("python:3.7-slim-buster", today).image());
        assertEquals("*", eol("node:22-buster", today).image());
        assertNotNull(eol("docker.io/library/ubuntu:18.04", today));
        assertNull(eol("myregistry.example.com/ubuntu:18.04", today));
        assertNotNull(eol("centos", today));
        assertNotNull(eol("golang:1.21-alpine3.19", today));
        assertNull(eol("alpine:3.21", today));
        assertNotNull(eol("alpine:3.21", LocalDate.of(2026, 11, 1)));
        assertNull(eol("node:22-alpine", today));
        assertNotNull(eol("node:22-alpine3.18", today));
    }

    @Test
    void eolRuleHonoursThePinnedDate() {
        String text = "FROM python:3.10-slim\nUSER 10001\n";
        String old = System.getProperty("archlens.today");
        try {
            System.setProperty("archlens.today", "2026-10-30");
            assertTrue(Fixtures.analyze(Fixtures.source("Dockerfile", text)).findings().isEmpty());
            System.setProperty("archlens.today", "2026-10-31");
            assertEquals(List.of("docker/eol-base-image"), Fixtures.analyze(Fixtures.source("Dockerfile", text))
                    .findings().stream().map(Finding::ruleId).toList());
        } finally {
            if (old == null) {
                System.clearProperty("archlens.today");
            } else {
                System.setProperty("archlens.today", old);
            }
        }
    }

    @Test
    void secretValuesNeverAppearInMessages() {
        String[] values = {"s3cr3t-Pa55w0rd", "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB", "AKIAEXAMPLEKEY123"};
        String text = "ARG GITHUB_TOKEN=" + values[1] + "\nFROM alpine:3.22\nENV DB_PASSWORD=" + values[0]
                + "\nENV AWS_SECRET_ACCESS_KEY " + values[2] + "\nUSER 10001\n";
        List<Finding> f = Fixtures.analyze(Fixtures.source("Dockerfile", text)).findings();
        assertEquals(3, f.stream().filter(x -> x.ruleId().equals("docker/secret-in-env")).count());
        for (Finding x : f) {
            for (String v : values) {
                assertFalse(x.message().contains(v), x.message());
                assertFalse(x.message().toLowerCase(Locale.ROOT).contains(v.toLowerCase(Locale.ROOT).substring(0, 8)));
            }
        }
    }

    @Test
    void worldWritableModes() {
        for (String m : List.of("777", "0777", "1777", "666", "776", "o+w", "a+rwx", "ugo+rwx", "a=rwx", "u+x,o+w")) {
            assertTrue(WorldWritable.worldWritable(m), m);
        }
        for (String m : List.of("755", "0644", "750", "+x", "u+w", "go-w", "a+r", "o-w")) {
            assertFalse(WorldWritable.worldWritable(m), m);
        }
    }
}

package io.archlens.rules.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.archlens.analysis.Finding;
import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import io.archlens.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compose rules that read the Dockerfile a service builds, from disk next to the Compose file. */
class ComposeBuildsTest {
    @TempDir
    Path dir;

    private List<String> findings(String compose, String ruleId) throws Exception {
        Path file = dir.resolve("docker-compose.yml");
        Files.writeString(file, compose);
        SourceFile src = new SourceFile(file.toUri().toString(), "docker-compose.yml", compose, FileKind.COMPOSE, 1);
        return Fixtures.analyze(src).findings().stream().filter(f -> f.ruleId().equals(ruleId))
                .map(Finding::message).map(m -> m.substring(0, m.indexOf("' "))).toList();
    }

    @Test
    void healthcheckInTheBuiltStageCounts() throws Exception {
        Files.createDirectories(dir.resolve("api"));
        Files.writeString(dir.resolve("api/Dockerfile"), "FROM eclipse-temurin:21-jre AS base\n"
                + "HEALTHCHECK CMD curl -fs http://localhost:8080/health || exit 1\n"
                + "FROM base AS app\nCOPY app.jar /app.jar\n"
                + "FROM eclipse-temurin:21-jre AS debug\nHEALTHCHECK NONE\n");
        Files.createDirectories(dir.resolve("worker"));
        Files.writeString(dir.resolve("worker/Dockerfile.prod"), "FROM python:3.12-slim\nCMD [\"python\", \"w.py\"]\n");
        String compose = "services:\n"
                + "  api:\n    build: {context: ./api, target: app}\n    ports: [\"8080:8080\"]\n"
                + "  api-debug:\n    build: {context: ./api, target: debug}\n    ports: [\"8081:8080\"]\n"
                + "  api-last:\n    build: ./api\n    ports: [\"8082:8080\"]\n"
                + "  worker:\n    build: {context: worker, dockerfile: Dockerfile.prod}\n"
                + "  unknown:\n    build: ./missing\n";
        assertEquals(List.of("Service 'api-debug", "Service 'api-last"),
                findings(compose, "compose/service-without-healthcheck"));
        assertEquals(List.of("Service 'worker"), findings(compose, "compose/worker-without-healthcheck"));
    }

    @Test
    void buildTargetPointsAtTheStage() throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM node:22-slim AS deps\nRUN npm ci\n"
                + "FROM deps AS dev\nCMD [\"npm\", \"run\", \"dev\"]\nFROM node:22-slim\nCOPY --from=deps /app /app\n");
        String compose = "services:\n  web:\n    build: {context: ., target: dev}\n"
                + "  web2:\n    build: {context: ., target: deps}\n";
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, compose);
        SourceFile src = new SourceFile(file.toUri().toString(), "compose.yaml", compose, FileKind.COMPOSE, 1);
        List<Finding> fs = Fixtures.analyze(src).findings().stream()
                .filter(f -> f.ruleId().equals("compose/build-target-dev-stage")).toList();
        assertEquals(2, fs.size());
        assertEquals(2, fs.get(0).related().get(0).start().line());
        assertEquals(dir.resolve("Dockerfile").toUri().toString(), fs.get(0).related().get(0).uri());
    }
}

package io.archlens.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.DockerfileParser;
import io.archlens.syntax.dockerfile.Stage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What of the build context reaches the final image: its own stages' copies and its builders'. */
class DockerfileCopiedTest {
    private static List<String> copied(String text) {
        Dockerfile d = new DockerfileParser().parse(SourceFile.of("Dockerfile", text, FileKind.DOCKERFILE)).model();
        List<Stage> chain = new ArrayList<>(d.finalStage().chain());
        Collections.reverse(chain);
        return DockerfileExtractor.copied(DockerfileExtractor.withBuilders(d, chain));
    }

    @Test
    void aBuilderStageCopiesCountForTheFinalImage() {
        assertEquals(List.of("src/ad", "pb"), copied("FROM gradle:8 AS builder\nCOPY ./src/ad/ ./\nCOPY ./pb/ ./proto\n"
                + "RUN gradle build\nFROM eclipse-temurin:21-jre\nCOPY --from=builder /app/build/ ./\n"));
        assertEquals(List.of("backend/app"), copied("FROM python:3.12\nCOPY ./backend/app /srv/app\n"));
        assertNull(copied("FROM node:22 AS deps\nCOPY . .\nFROM node:22-slim\nCOPY --from=deps /app /app\n"),
                "a builder that copies the whole context: all of it");
        assertNull(copied("FROM scratch\nCOPY --from=golang:1.23 /usr/local/go /go\n"), "an image, not a stage: none");
    }
}

package io.archlens.rules.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.archlens.analysis.Finding;
import io.archlens.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The shop example Dockerfiles show the findings the README promises. */
class DockerfileExamplesTest {
    static List<String> rules(String example) throws IOException {
        Path p = Fixtures.repoRoot().resolve("examples/shop").resolve(example).resolve("Dockerfile");
        String text = Files.readString(p);
        return new TreeSet<>(Fixtures.analyze(Fixtures.source(example + "/Dockerfile", text)).findings().stream()
                .map(Finding::ruleId).toList()).stream().toList();
    }

    @Test
    void api() throws IOException {
        assertEquals(List.of("docker/copy-before-install", "docker/eol-base-image", "docker/maintainer-deprecated",
                "docker/missing-healthcheck", "docker/root-user", "docker/secret-in-env", "docker/shell-form-cmd",
                "docker/toolchain-final-image"), rules("api"));
    }

    @Test
    void web() throws IOException {
        assertEquals(List.of("docker/apt-lists-not-cleaned", "docker/apt-no-install-recommends",
                "docker/copy-before-install", "docker/eol-base-image", "docker/missing-healthcheck",
                "docker/no-latest-tag", "docker/npm-install", "docker/root-user", "docker/unpinned-package"), rules("web"));
    }

    @Test
    void worker() throws IOException {
        assertEquals(List.of("docker/add-remote-url", "docker/pip-no-cache-dir", "docker/root-user",
                "docker/unpinned-package"), rules("worker"));
    }
}

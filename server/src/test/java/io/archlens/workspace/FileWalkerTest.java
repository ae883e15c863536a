package io.archlens.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.archlens.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWalkerTest {
    @TempDir
    Path dir;

    @Test
    void aFolderNamedThroughASymbolicLinkIsWalked() throws Exception {
        Path real = Files.createDirectories(dir.resolve("repos/app"));
        Files.writeString(real.resolve("Dockerfile"), "FROM alpine:3.22\n");
        Files.createDirectories(real.resolve("k8s"));
        Files.writeString(real.resolve("k8s/deploy.yaml"), "apiVersion: v1\nkind: ConfigMap\n");
        Path link = Files.createSymbolicLink(dir.resolve("app-link"), real);
        List<Path> files = FileWalker.walk(link, dir, Settings.DEFAULTS);
        assertEquals(List.of(link.resolve("Dockerfile"), link.resolve("k8s/deploy.yaml")), files);
        assertEquals(2, FileWalker.walk(real, dir, Settings.DEFAULTS).size());
    }

    @Test
    void aLinkLoopInsideALinkedFolderEnds() throws Exception {
        Path real = Files.createDirectories(dir.resolve("repo"));
        Files.writeString(real.resolve("Dockerfile"), "FROM alpine:3.22\n");
        Files.createSymbolicLink(real.resolve("loop"), real);
        Path link = Files.createSymbolicLink(dir.resolve("repo-link"), real);
        assertEquals(List.of(link.resolve("Dockerfile")), FileWalker.walk(link, dir, Settings.DEFAULTS));
    }
}

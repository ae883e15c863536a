package io.archlens;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Class-loading warm-up for the launcher's class-data archive: the JVM that writes the archive (the first
 * {@code check} of a new jar, with {@code ARCHLENS_WARMUP_LSP} set) archives only the classes it loaded, so
 * after the user's own command this also runs {@code check} in every output format and a short editor session
 * on a scratch workspace, writing nowhere. Every later command, and the server, then start from the archive.
 */
final class Warmup {
    private Warmup() {
    }

    /** Held so the level set on it stays (java.util.logging keeps loggers weakly). */
    private static final java.util.logging.Logger LSP4J = java.util.logging.Logger.getLogger("org.eclipse.lsp4j");

    /**
     * Leaves logging to stderr off: it runs last, and its threads may still log while the JVM exits (LSP4J too:
     * on a slow machine the session can end while the server still writes to its closed pipe).
     */
    static void run() {
        io.archlens.core.Log.setStderr(false);
        LSP4J.setLevel(java.util.logging.Level.OFF);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("archlens-warmup");
            Files.writeString(dir.resolve("Dockerfile"), "FROM node:latest\nRUN apt-get install curl\nEXPOSE 3000\n");
            Files.writeString(dir.resolve("docker-compose.yml"), "services:\n  api:\n    build: .\n    ports:\n"
                    + "      - \"8080:8080\"\n  db:\n    image: postgres\n    ports: [\"5432:5432\"]\n");
            Files.writeString(dir.resolve("application.properties"),
                    "spring.datasource.url=jdbc:postgresql://db:5432/app\nspring.datasource.hikari.maximum-pool-size=80\n");
            PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream());
            for (String format : new String[] {"text", "json", "sarif"}) {
                io.archlens.cli.Main.run(nowhere, nowhere, "check", dir.toString(), "--format", format);
            }
            io.archlens.lsp.Warmup.session(dir, 10_000);
        } catch (IOException | RuntimeException e) {
            // a smaller archive, nothing else
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a scratch folder left in the temp directory
        }
    }
}

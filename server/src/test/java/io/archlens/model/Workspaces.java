package io.archlens.model;

import io.archlens.analysis.Finding;
import io.archlens.analysis.RuleBook;
import io.archlens.config.Settings;
import io.archlens.workspace.BatchAnalyzer;
import io.archlens.workspace.FileWalker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small temporary workspaces for cross-file tests. */
final class Workspaces {
    private Workspaces() {
    }

    static Path write(Path root, String rel, String text) {
        try {
            Path p = root.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A one-replica Deployment whose pods carry {@code app: NAME} and run {@code image}; {@code container} adds lines
     * to the container (indented like {@code image:}, e.g. {@code "ports:\n  - containerPort: 8080\n"}).
     */
    static String deployment(String name, String image, String container) {
        StringBuilder sb = new StringBuilder("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name
                + "\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: " + name + "}\n  template:\n"
                + "    metadata:\n      labels: {app: " + name + "}\n    spec:\n      containers:\n        - name: " + name
                + "\n          image: " + image + "\n");
        for (String line : container.split("\n")) {
            if (!line.isEmpty()) {
                sb.append("          ").append(line).append('\n');
            }
        }
        return sb.toString();
    }

    /** A Compose project whose api container port (8081) disagrees with server.port (8080). */
    static void portMismatch(Path root) {
        write(root, "docker-compose.yml", """
                services:
                  api:
                    build: ./api
                    ports:
                      - "8081:8081"
                """);
        write(root, "api/Dockerfile", "FROM eclipse-temurin:21-jre\nCMD [\"java\", \"-jar\", \"/app.jar\"]\n");
        write(root, "api/src/main/resources/application.yml", "server:\n  port: 8080\n");
    }

    /** Every finding of the CLI engine over the folder, by display path (per-file and cross-file). */
    static Map<String, List<Finding>> check(Path root, Settings settings) {
        try {
            List<Path> files = FileWalker.walk(root, root, settings);
            Map<String, List<Finding>> out = new LinkedHashMap<>();
            for (BatchAnalyzer.FileResult r : new BatchAnalyzer(RuleBook.loadDefault(), settings, root, (m, e) -> {
                throw new AssertionError(m, e);
            }).analyze(files)) {
                out.put(r.displayPath(), new ArrayList<>(r.findings()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> ids(List<Finding> fs, String prefix) {
        List<String> out = new ArrayList<>();
        for (Finding f : fs) {
            if (f.ruleId().startsWith(prefix)) {
                out.add(f.ruleId());
            }
        }
        return out;
    }
}

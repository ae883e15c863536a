package io.archlens;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The core speaks offsets and records; only the lsp/ package may import LSP4J, only cli/ picocli. */
class ArchitectureBoundaryTest {
    private static final Path MAIN = Fixtures.repoRoot().resolve("server/src/main/java/io/archlens");

    private static List<String> offenders(String importPrefix, String allowedPackageDir) throws IOException {
        List<String> bad = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                String rel = MAIN.relativize(p).toString().replace('\\', '/');
                if (rel.startsWith(allowedPackageDir + "/")) {
                    continue;
                }
                for (String line : Files.readAllLines(p)) {
                    if (line.startsWith("import " + importPrefix) || line.startsWith("import static " + importPrefix)) {
                        bad.add(rel + ": " + line);
                    }
                }
            }
        }
        return bad;
    }

    @Test
    void onlyTheLspPackageImportsLsp4j() throws IOException {
        List<String> bad = offenders("org.eclipse.lsp4j", "lsp");
        bad.addAll(offenders("com.google.gson", "lsp"));
        assertTrue(bad.isEmpty(), "LSP types leak into the core: " + bad);
    }

    @Test
    void onlyTheCliPackageImportsPicocli() throws IOException {
        List<String> bad = offenders("picocli", "cli");
        assertTrue(bad.isEmpty(), "picocli outside cli/: " + bad);
    }

    @Test
    void onlyTheJavaParserAndRulesImportJavaParser() throws IOException {
        List<String> bad = offenders("com.github.javaparser", "syntax/java").stream()
                .filter(l -> !l.startsWith("rules/java/")).toList();
        assertTrue(bad.isEmpty(), "JavaParser types outside syntax/java and rules/java (the code/ facts stay "
                + "independent of any parser): " + bad);
    }

    @Test
    void serverCodeNeverWritesToStdout() throws IOException {
        List<String> bad = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                String rel = MAIN.relativize(p).toString().replace('\\', '/');
                String text = Files.readString(p);
                if ((text.contains("System.out.print") || text.contains(".printStackTrace()")) && !rel.startsWith("cli/")) {
                    bad.add(rel);
                }
            }
        }
        assertTrue(bad.isEmpty(), "stdout is the LSP channel; these write to it: " + bad);
    }
}

package io.archlens.robustness;

import io.archlens.analysis.RuleBook;
import io.archlens.analysis.SourceFile;
import io.archlens.config.Settings;
import io.archlens.filekind.FileKind;
import io.archlens.filekind.FileKindDetector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The project's own files that hostile variants are made from: every fixture and example whose kind the rule
 * book analyses, by kind, in a stable order (sorted paths), so a seed picks the same file on every machine.
 */
public final class Seeds {
    /** One seed file: its path relative to its tree (the name decides the kind), its kind and its text. */
    public record Seed(String relPath, FileKind kind, String text) {
    }

    private final Map<FileKind, List<Seed>> byKind = new EnumMap<>(FileKind.class);
    private final Map<String, Boolean> analysed = new ConcurrentHashMap<>();

    private Seeds() {
    }

    /** The seeds under {@code repoRoot}'s fixtures and examples folders. */
    public static Seeds load(Path repoRoot) {
        RuleBook book = RuleBook.loadDefault();
        Seeds s = new Seeds();
        for (String tree : List.of("server/src/test/resources/fixtures", "examples")) {
            Path dir = repoRoot.resolve(tree);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> w = Files.walk(dir)) {
                files = w.filter(Files::isRegularFile).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (Path f : files) {
                String rel = dir.relativize(f).toString().replace('\\', '/');
                String text;
                try {
                    text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                FileKind kind = FileKindDetector.detect(rel, text);
                if (book.supports(kind) && kind != FileKind.ARCHLENS_CONFIG) {
                    String prefix = tree.equals("examples") ? "examples/" : "fixtures/";
                    s.byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(new Seed(prefix + rel, kind, text));
                }
            }
        }
        return s;
    }

    public List<FileKind> kinds() {
        return List.copyOf(byKind.keySet());
    }

    public List<Seed> of(FileKind kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    public Seed seed(String relPath) {
        return byKind.values().stream().flatMap(List::stream).filter(x -> x.relPath().equals(relPath)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no seed " + relPath));
    }

    /** Whether the rule book analyses the seed itself (no {@code archlens/not-analyzed} hint on it). */
    public boolean analysed(String relPath) {
        return analysed.computeIfAbsent(relPath, p -> {
            Seed seed = seed(p);
            SourceFile f = new SourceFile("file:///seed/" + p, p, seed.text(), seed.kind(), 1);
            return RuleBook.loadDefault().analyze(f, Settings.DEFAULTS).findings().stream()
                    .noneMatch(x -> x.ruleId().equals(LspDriver.NOT_ANALYZED));
        });
    }

    public int size() {
        return byKind.values().stream().mapToInt(List::size).sum();
    }
}

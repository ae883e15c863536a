package io.archlens.workspace;

import io.archlens.analysis.SourceFile;
import io.archlens.config.Settings;
import io.archlens.filekind.FileKind;
import io.archlens.filekind.FileKindDetector;
import io.archlens.model.SystemIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.Predicate;

/**
 * Fills a {@link SystemIndex} from disk: walks folders (skipping vendored and build folders and
 * {@code .archlens.yml} ignores), reads each candidate file, detects its kind, and extracts facts from the
 * kinds the system model reads. Parses only; no per-file rules run.
 */
public final class WorkspaceIndexer {
    private WorkspaceIndexer() {
    }

    /** What one indexing run saw. */
    public record Stats(int candidates, int indexed, long millis) {
    }

    /**
     * Indexes every file under {@code start}. {@code skip} excludes URIs (e.g. documents open in the editor,
     * whose text overrides the disk); {@code progress} receives the number of candidates done, every 200 files.
     */
    public static Stats index(SystemIndex index, Path start, Path root, Settings settings, Predicate<String> skip,
            BooleanSupplier cancelled, IntConsumer progress, BiConsumer<String, Throwable> log) throws IOException {
        long t0 = System.nanoTime();
        List<Path> files = FileWalker.walk(start, root, settings);
        int done = 0;
        int indexed = 0;
        for (Path p : files) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            if (indexFile(index, p, root, settings, skip, log)) {
                indexed++;
            }
            if (++done % 200 == 0) {
                progress.accept(done);
            }
        }
        return new Stats(files.size(), indexed, (System.nanoTime() - t0) / 1_000_000);
    }

    /** Reads one file into the index (or removes it when it is gone or of no interest). True when indexed. */
    public static boolean indexFile(SystemIndex index, Path p, Path root, Settings settings, Predicate<String> skip,
            BiConsumer<String, Throwable> log) {
        String uri = p.toUri().toString();
        if (skip.test(uri)) {
            return false;
        }
        String display = FileWalker.rel(root, p);
        if (settings.isIgnored(display) || Generated.projectTemplate(display)) {
            index.remove(uri);
            return false;
        }
        FileKind byName = FileKindDetector.detect(display, "");
        if (byName != FileKind.UNKNOWN && (!SystemIndex.relevant(byName)
                || byName.isSourceCode() && !index.book().supports(byName))) {
            return false; // source code no pack reads has no facts: not even read
        }
        FileLoader.Loaded loaded = FileLoader.load(p, settings.maxFileBytes());
        if (loaded.skipped()) {
            index.remove(uri);
            return false;
        }
        FileKind kind = FileKindDetector.detect(display, loaded.text());
        if (!SystemIndex.relevant(kind)) {
            index.remove(uri);
            return false;
        }
        if (kind.isSourceCode() && (Generated.generatedHeader(loaded.text()) || Generated.minifiedText(kind, loaded.text()))) {
            index.remove(uri); // generated or minified code: what `check` skips gives the model nothing either
            return false;
        }
        index.update(new SourceFile(uri, display, loaded.text(), kind, 0), null, log);
        return true;
    }
}

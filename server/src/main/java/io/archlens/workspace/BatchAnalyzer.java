package io.archlens.workspace;

import io.archlens.analysis.Analysis;
import io.archlens.analysis.CoreRules;
import io.archlens.analysis.Finding;
import io.archlens.analysis.FindingMerge;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.SourceFile;
import io.archlens.config.Settings;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import io.archlens.filekind.FileKindDetector;
import io.archlens.model.CrossFileAnalysis;
import io.archlens.model.SystemIndex;
import io.archlens.model.SystemModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

/** Analyses a set of files on disk (the CLI's engine): load, detect, analyse in parallel, in input order. */
public final class BatchAnalyzer {
    /** One file's outcome: the analysis, or the reason it was skipped. */
    public record FileResult(Path path, String displayPath, Analysis analysis, String skipReason) {
        public List<Finding> findings() {
            return analysis == null ? List.of() : analysis.findings();
        }
    }

    private final RuleBook book;
    private final Settings settings;
    private final Path root;
    private final BiConsumer<String, Throwable> log;
    private volatile CrossFileAnalysis.Result lastCrossFile;

    public BatchAnalyzer(RuleBook book, Settings settings, Path root, BiConsumer<String, Throwable> log) {
        this.book = book;
        this.settings = settings;
        this.root = root;
        this.log = log;
    }

    /**
     * Analyses the files, then builds the system model over all of them and adds the cross-file findings
     * (project rules) to the files they are attached to.
     */
    public List<FileResult> analyze(List<Path> files) {
        List<FileResult> results = analyzeEach(files);
        return book.projectRules().isEmpty() ? results : withCrossFile(results);
    }

    /** The cross-file pass over per-file results: facts from each analysis's model, then the project rules. */
    public List<FileResult> withCrossFile(List<FileResult> results) {
        SystemIndex index = new SystemIndex(book, SystemModel.FileProbe.DISK);
        for (FileResult r : results) {
            if (r.analysis() != null && SystemIndex.relevant(r.analysis().file().kind())) {
                index.put(SystemIndex.extract(book, r.analysis().file(), r.analysis().model(), log));
            }
        }
        lastCrossFile = index.analyze(settings, log);
        List<FileResult> out = new ArrayList<>(results.size());
        for (FileResult r : results) {
            List<Finding> cross = r.analysis() == null ? List.of() : lastCrossFile.findings(r.analysis().file().uri());
            if (cross.isEmpty()) {
                out.add(r);
                continue;
            }
            List<Finding> all = FindingMerge.combine(r.analysis().findings(), cross, r.analysis().file().lines());
            out.add(new FileResult(r.path(), r.displayPath(), new Analysis(r.analysis().file(), all,
                    r.analysis().model()), r.skipReason()));
        }
        return out;
    }

    /** The cross-file result of the last {@link #analyze} (null before, or without project rules). */
    public CrossFileAnalysis.Result lastCrossFile() {
        return lastCrossFile;
    }

    private List<FileResult> analyzeEach(List<Path> files) {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "archlens-check");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<FileResult>> futures = new ArrayList<>();
            for (Path f : files) {
                futures.add(pool.submit(() -> analyzeOne(f)));
            }
            List<FileResult> out = new ArrayList<>();
            for (Future<FileResult> fu : futures) {
                try {
                    FileResult r = fu.get();
                    if (r != null) {
                        out.add(r);
                    }
                } catch (ExecutionException e) {
                    log.accept("analysis failed", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Null when the file is of no kind ArchLens analyses. */
    public FileResult analyzeOne(Path file) {
        String display = FileWalker.rel(root, file);
        FileKind byName = FileKindDetector.detect(display, "");
        boolean contentDecides = byName == FileKind.UNKNOWN;
        FileLoader.Loaded loaded = FileLoader.load(file, settings.maxFileBytes());
        if (loaded.skipped()) {
            return contentDecides ? null : new FileResult(file, display, null, loaded.skipReason());
        }
        FileKind kind = FileKindDetector.detect(display, loaded.text());
        if (!book.supports(kind) && (book.projectRules().isEmpty() || !SystemIndex.relevant(kind))) {
            return null;
        }
        SourceFile src = new SourceFile(file.toUri().toString(), display, loaded.text(), kind, 0);
        Analysis a = book.analyze(src, settings, () -> false, log);
        if (loaded.note() != null) {
            List<Finding> fs = new ArrayList<>(a.findings());
            fs.add(0, new Finding(CoreRules.NOT_ANALYZED.id(), CoreRules.NOT_ANALYZED.defaultSeverity(),
                    CoreRules.NOT_ANALYZED.category(), TextRange.empty(0), "File " + loaded.note(), null, null,
                    null, null, null, null));
            a = new Analysis(a.file(), fs, a.model());
        }
        return new FileResult(file, display, a, null);
    }
}

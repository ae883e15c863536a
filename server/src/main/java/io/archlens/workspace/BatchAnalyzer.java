package io.archlens.workspace;

import io.archlens.analysis.Analysis;
import io.archlens.analysis.CoreRules;
import io.archlens.analysis.Finding;
import io.archlens.analysis.FindingMerge;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.SourceFile;
import io.archlens.analysis.TimeBox;
import io.archlens.config.Settings;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import io.archlens.filekind.FileKindDetector;
import io.archlens.model.CrossFileAnalysis;
import io.archlens.model.FileFacts;
import io.archlens.model.SystemIndex;
import io.archlens.model.SystemModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

/** Analyses a set of files on disk (the CLI's engine): load, detect, analyse in parallel, in input order. */
public final class BatchAnalyzer {
    /** One file's outcome: the analysis, or the reason it was skipped. */
    public record FileResult(Path path, String displayPath, Analysis analysis, Skip skip) {
        public List<Finding> findings() {
            return analysis == null ? List.of() : analysis.findings();
        }

        /** The skip's explanation for people, or null when the file was analysed. */
        public String skipReason() {
            return skip == null ? null : skip.detail();
        }

        /** The kind the file was analysed as, or null when it was skipped. */
        public FileKind kind() {
            return analysis == null ? null : analysis.file().kind();
        }
    }

    private final RuleBook book;
    private final Settings settings;
    private final Path root;
    private final BiConsumer<String, Throwable> log;
    private volatile CrossFileAnalysis.Result lastCrossFile;
    private volatile java.util.Map<Path, FileKind> mounted = java.util.Map.of();
    private volatile java.util.function.IntConsumer progress = done -> { };

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
        return analyze(files, Set.of());
    }

    /**
     * As {@link #analyze(List)}; a file in {@code named} (a path the user named) that is not analysed gets a result
     * with its {@link Skip} reason instead of being left out.
     */
    public List<FileResult> analyze(List<Path> files, Set<Path> named) {
        return analyze(files, named, mounts(files, settings));
    }

    /**
     * Files a Compose service among {@code files} mounts into nginx's configuration: they are nginx, whatever their
     * name says. No rule book needed: a caller may read them while the book loads, and pass them to
     * {@link #analyze(List, Set, Map)}.
     */
    public static java.util.Map<Path, FileKind> mounts(List<Path> files, Settings settings) {
        return ComposeMounts.nginxFiles(files, settings.maxFileBytes());
    }

    /** As {@link #analyze(List, Set)} with the nginx files the Compose files mount ({@link #mounts}). */
    public List<FileResult> analyze(List<Path> files, Set<Path> named, java.util.Map<Path, FileKind> mounts) {
        mounted = mounts;
        List<Path> all = new ArrayList<>(files);
        Set<Path> listed = new java.util.HashSet<>();
        files.forEach(f -> listed.add(f.toAbsolutePath().normalize()));
        for (Path m : mounted.keySet()) {
            if (!listed.contains(m) && !settings.isIgnored(FileWalker.rel(root, m))) {
                all.add(m);
            }
        }
        boolean cross = !book.projectRules().isEmpty();
        List<Done> done = analyzeEach(all, named, cross);
        List<FileResult> results = new ArrayList<>(done.size());
        done.forEach(d -> results.add(d.result()));
        return cross ? withCrossFile(results, done.stream().map(Done::facts).toList()) : results;
    }

    /** The cross-file pass over per-file results: facts from each analysis's model, then the project rules. */
    public List<FileResult> withCrossFile(List<FileResult> results) {
        List<FileFacts> facts = new ArrayList<>(results.size());
        for (FileResult r : results) {
            facts.add(r.analysis() != null && SystemIndex.relevant(r.analysis().file().kind())
                    ? SystemIndex.extract(book, r.analysis().file(), r.analysis().model(), log) : null);
        }
        return withCrossFile(results, facts);
    }

    /** The cross-file pass with each result's facts already extracted ({@code facts}: aligned, null for none). */
    private List<FileResult> withCrossFile(List<FileResult> results, List<FileFacts> facts) {
        SystemIndex index = new SystemIndex(book, SystemModel.FileProbe.DISK).sideBySide();
        for (FileFacts f : facts) {
            if (f != null) {
                index.put(f); // in input order, as before
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
                    r.analysis().model()), r.skip()));
        }
        return out;
    }

    /** Called with the number of files done after each one (in input order) during {@link #analyze}. */
    public void onProgress(java.util.function.IntConsumer progress) {
        this.progress = progress;
    }

    /** The cross-file result of the last {@link #analyze} (null before, or without project rules). */
    public CrossFileAnalysis.Result lastCrossFile() {
        return lastCrossFile;
    }

    /**
     * A file's result and its facts for the cross-file pass (null when not wanted or the kind gives none), read on the
     * worker while the parsed model is at hand. The result then drops the model: a batch keeps hundreds of results
     * until the report, and their parse trees were most of the heap a {@code check} kept (and copied collection
     * after collection).
     */
    private record Done(FileResult result, FileFacts facts) {
    }

    private List<Done> analyzeEach(List<Path> files, Set<Path> named, boolean facts) {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "archlens-check");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Done>> futures = new ArrayList<>();
            for (Path f : files) {
                futures.add(pool.submit(() -> done(analyzeOne(f, named.contains(f)), facts)));
            }
            List<Done> out = new ArrayList<>();
            int done = 0;
            for (Future<Done> fu : futures) {
                try {
                    Done r = fu.get();
                    if (r != null) {
                        out.add(r);
                    }
                    progress.accept(++done);
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

    private Done done(FileResult r, boolean facts) {
        if (r == null || r.analysis() == null) {
            return r == null ? null : new Done(r, null);
        }
        Analysis a = r.analysis();
        FileFacts f = facts && SystemIndex.relevant(a.file().kind()) ? SystemIndex.extract(book, a.file(), a.model(), log)
                : null;
        return new Done(new FileResult(r.path(), r.displayPath(), new Analysis(a.file(), a.findings(), null), r.skip()),
                f);
    }

    /** Null when the file is of no kind ArchLens analyses. */
    public FileResult analyzeOne(Path file) {
        return analyzeOne(file, false);
    }

    /**
     * One file's result. A file found by walking that turns out to be of no kind ArchLens analyses gives null; a
     * {@code named} one (the user asked for it) gives a result with the reason, as does any file whose name says it
     * is of a known kind but that cannot be loaded.
     */
    public FileResult analyzeOne(Path file, boolean named) {
        String display = FileWalker.rel(root, file);
        FileKind byName = mounted.getOrDefault(file.toAbsolutePath().normalize(), FileKindDetector.detect(display, ""));
        boolean contentDecides = byName == FileKind.UNKNOWN;
        FileLoader.Loaded loaded = FileLoader.load(file, settings.maxFileBytes());
        if (loaded.skipped()) {
            return contentDecides && !named ? null
                    : new FileResult(file, display, null, new Skip(loaded.skipCode(), loaded.skipReason()));
        }
        FileKind kind = mounted.getOrDefault(file.toAbsolutePath().normalize(),
                FileKindDetector.detect(display, loaded.text()));
        // source code no pack reads gives the model nothing either: it stays for the agent
        if (!book.supports(kind) && (book.projectRules().isEmpty() || !SystemIndex.relevant(kind) || kind.isSourceCode())) {
            return named ? new FileResult(file, display, null, Skip.notAnalysed(kind, display)) : null;
        }
        if (Generated.projectTemplate(display)) {
            // said always: a file of a known kind that is not analysed, and why
            return new FileResult(file, display, null, new Skip(Skip.TEMPLATE, "a project template's file (a "
                    + "{{ }} folder, as cookiecutter and copier write them): its placeholders are filled in when a "
                    + "project is generated from it, so it is not the file that will run"));
        }
        if (kind.isSourceCode() && (Generated.minifiedName(display) || Generated.generatedHeader(loaded.text()))) {
            return named ? new FileResult(file, display, null, new Skip(Skip.GENERATED,
                    "generated or minified code (its header or name says so): nobody edits it by hand")) : null;
        }
        if (kind.isSourceCode() && Generated.minifiedText(kind, loaded.text())) {
            // judged from the text, not the name: always said, so a hand-written file with one huge line is not lost
            return new FileResult(file, display, null, new Skip(Skip.GENERATED, "minified code (a line of "
                    + Generated.MINIFIED_LINE + "+ characters): nobody edits it by hand"));
        }
        SourceFile src = new SourceFile(file.toUri().toString(), display, loaded.text(), kind, 0);
        Analysis a = TimeBox.analyze(book, src, settings, settings.analysisTimeoutMs(Settings.CHECK_ANALYSIS_TIMEOUT_MS),
                () -> false, log);
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

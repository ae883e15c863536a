package io.archlens.lsp;

import io.archlens.analysis.Analysis;
import io.archlens.analysis.Finding;
import io.archlens.config.Settings;
import io.archlens.core.Log;
import io.archlens.filekind.FileKind;
import io.archlens.model.CrossFileAnalysis;
import io.archlens.model.FileFacts;
import io.archlens.model.SystemIndex;
import io.archlens.model.SystemModel;
import io.archlens.workspace.Document;
import io.archlens.workspace.FileWalker;
import io.archlens.workspace.Paths2;
import io.archlens.workspace.WorkspaceIndexer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.PreviousResultId;
import org.eclipse.lsp4j.WorkspaceDocumentDiagnosticReport;
import org.eclipse.lsp4j.WorkspaceFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.WorkspaceUnchangedDocumentDiagnosticReport;

/**
 * The workspace side of the server: indexes the configuration files of the workspace in the background, keeps
 * the {@link SystemIndex} current from open documents (their text wins over the disk) and watched-file events,
 * re-runs the project rules after each change, and publishes the cross-file findings: merged with each open
 * document's own findings, and (push mode) alone for files that are not open. Everything runs on one
 * "archlens-index" thread; requests only read {@link #current()}, so they never wait for indexing.
 */
final class SystemSupport {
    private static final BiConsumer<String, Throwable> LOG = (msg, e) -> Log.error(msg, e);
    /** Files indexed per task, so changes to open documents interleave with a long initial indexing. */
    private static final int BATCH = 100;

    private final Session session;
    /** Made on first use, so that start-up does not wait for the rule book. */
    private volatile SystemIndex index;
    /**
     * How long the model update after an edit waits for the typing to pause, when that edit's own diagnostics
     * already went out (the file had no cross-file findings): while the user types, the analysis thread keeps
     * the CPU and the update runs once, at the pause.
     */
    static final long QUIET_MS = 150;

    private final ScheduledExecutorService pool = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "archlens-index");
        t.setDaemon(true);
        return t;
    });
    /** Runs a task on the index thread; a task that throws is logged and the next one still runs. */
    private final java.util.concurrent.Executor exec = task -> {
        try {
            pool.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException | StackOverflowError e) {
                    Log.error("workspace index task failed", e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shut down
        }
    };
    private volatile CrossFileAnalysis.Result current;
    private volatile boolean indexing;
    private volatile boolean closed;
    private boolean recomputeQueued;
    /** The pending quiet-period update (index thread only). */
    private ScheduledFuture<?> soon;
    private final Set<String> pendingPublish = new LinkedHashSet<>();
    /** Non-open files we pushed cross-file diagnostics for (push mode), so they can be cleared. */
    private final Set<String> pushedClosed = new HashSet<>();
    private volatile long lastRecomputeNanos;
    private volatile int generation;

    SystemSupport(Session session) {
        this.session = session;
        this.current = CrossFileAnalysis.Result.EMPTY;
    }

    boolean enabled() {
        return session.crossFile();
    }

    CrossFileAnalysis.Result current() {
        return current;
    }

    SystemIndex index() {
        SystemIndex i = index;
        if (i == null) {
            synchronized (this) {
                i = index;
                if (i == null) {
                    i = new SystemIndex(session.book(), SystemModel.FileProbe.DISK);
                    index = i;
                }
            }
        }
        return i;
    }

    boolean indexing() {
        return indexing;
    }

    long lastRecomputeNanos() {
        return lastRecomputeNanos;
    }

    /** Starts indexing the workspace folder (after initialized). */
    void start() {
        if (!enabled() || session.root == null) {
            return;
        }
        reindex("Indexing the workspace");
    }

    /** Forgets every fact from disk and indexes the workspace again (e.g. .archlens.yml ignores changed). */
    void reindex(String title) {
        if (!enabled() || session.root == null) {
            return;
        }
        indexing = true;
        Path root = session.root;
        exec.execute(() -> {
            Progress p = Progress.begin(session, title, ClientStatus.State.BUSY, null);
            List<Path> files;
            try {
                files = FileWalker.walk(root, root, session.settings());
            } catch (IOException | RuntimeException e) {
                Log.warn("cannot index " + root + ": " + e.getMessage());
                indexing = false;
                p.end(null);
                return;
            }
            index().invalidateProbes();
            Set<String> open = openUris();
            for (FileFacts f : index().all()) {
                if (!open.contains(f.uri())) {
                    index().remove(f.uri());
                }
            }
            batch(root, files, 0, p, System.nanoTime());
        });
    }

    private void batch(Path root, List<Path> files, int from, Progress p, long t0) {
        if (closed) {
            return;
        }
        Settings settings = session.settings();
        int to = Math.min(files.size(), from + BATCH);
        for (int i = from; i < to; i++) {
            WorkspaceIndexer.indexFile(index(), files.get(i), root, settings, this::isOpen, LOG);
        }
        if (to < files.size()) {
            if (p.usesWorkDoneProgress() && to % 1000 < BATCH) {
                p.report(to + " of " + files.size() + " files");
            }
            exec.execute(() -> batch(root, files, to, p, t0));
            return;
        }
        indexing = false;
        Log.info("indexed " + index().size() + " configuration files of " + files.size() + " candidates in "
                + (System.nanoTime() - t0) / 1_000_000 + " ms");
        p.end(null);
        recomputeNow();
    }

    private boolean isOpen(String uri) {
        return session.store.get(uri).isPresent();
    }

    private Set<String> openUris() {
        Set<String> s = new HashSet<>();
        for (Document d : session.store.all()) {
            s.add(d.uri());
        }
        return s;
    }

    /**
     * A new per-file analysis of an open document (analysis thread). Non-system kinds publish at once; the
     * others update their facts first, so the published diagnostics carry cross-file findings of the same text.
     */
    void onAnalysis(AnalysisScheduler.Result r) {
        FileKind kind = r.analysis().file().kind();
        String uri = r.analysis().file().uri();
        if (!enabled() || (!SystemIndex.relevant(kind) && index().get(uri) == null)) {
            session.documents.publish(uri);
            return;
        }
        FileFacts f = SystemIndex.relevant(kind) ? SystemIndex.extract(session.book(), r.analysis().file(),
                r.analysis().model(), LOG) : null;
        boolean deferred = !current.findings(uri).isEmpty();
        if (!deferred) {
            // nothing cross-file to lose: the rule book's findings go out now, not after the model update
            // (whose diff publishes again only if this file gains a cross-file finding)
            session.documents.publish(uri);
        }
        exec.execute(() -> {
            if (!isOpen(uri)) {
                return; // closed since: the close task restores the disk view, these facts would outlive it
            }
            if (f != null) {
                index().put(f);
            } else {
                index().remove(uri);
            }
            // current changes only on this thread: an update that ran between the check above and now may have
            // given the file cross-file findings its early publication lacks (they need this version's facts)
            if (deferred || !current.findings(uri).isEmpty()) {
                pendingPublish.add(uri);
                scheduleRecompute();
            } else {
                scheduleRecomputeSoon();
            }
        });
    }

    /** A document was closed: its disk text counts again. */
    void onClose(String uri) {
        if (!enabled()) {
            return;
        }
        exec.execute(() -> {
            Path p = Paths2.toPath(uri);
            if (p != null && session.root != null && Files.isRegularFile(p)) {
                WorkspaceIndexer.indexFile(index(), p, session.root, session.settings(), u -> false, LOG);
            } else {
                index().remove(uri);
            }
            pendingPublish.add(uri);
            scheduleRecompute();
        });
    }

    /** Watched-file events for files that are not open (open documents win over the disk). */
    void onWatched(List<String> changed, List<String> deleted) {
        if (!enabled() || session.root == null) {
            return;
        }
        exec.execute(() -> {
            Settings settings = session.settings();
            index().invalidateProbes();
            for (String uri : deleted) {
                if (isOpen(uri)) {
                    continue;
                }
                index().remove(uri);
                String prefix = uri.endsWith("/") ? uri : uri + "/";
                for (FileFacts f : index().all()) {
                    if (f.uri().startsWith(prefix) && !isOpen(f.uri())) {
                        index().remove(f.uri());
                    }
                }
            }
            for (String uri : changed) {
                Path p = Paths2.toPath(uri);
                if (p == null || isOpen(uri)) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    try {
                        for (Path f : FileWalker.walk(p, session.root, settings)) {
                            WorkspaceIndexer.indexFile(index(), f, session.root, settings, this::isOpen, LOG);
                        }
                    } catch (IOException e) {
                        Log.warn("cannot index " + p + ": " + e.getMessage());
                    }
                } else if (Files.isRegularFile(p)) {
                    WorkspaceIndexer.indexFile(index(), p, session.root, settings, this::isOpen, LOG);
                }
            }
            scheduleRecompute();
        });
    }

    /** Settings or context changed: re-run the project rules. */
    void settingsChanged() {
        if (enabled()) {
            exec.execute(this::scheduleRecompute);
        }
    }

    private void scheduleRecompute() {
        if (recomputeQueued) {
            return;
        }
        recomputeQueued = true;
        exec.execute(() -> {
            recomputeQueued = false;
            recomputeNow();
        });
    }

    /** Index thread: a model update once edits pause for {@link #QUIET_MS} (re-armed by each edit). */
    private void scheduleRecomputeSoon() {
        if (soon != null) {
            soon.cancel(false);
        }
        try {
            soon = pool.schedule(() -> exec.execute(() -> {
                soon = null;
                scheduleRecompute();
            }), QUIET_MS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shut down
        }
    }

    /** On the index thread: rebuild the model, diff the findings, publish what changed. */
    private void recomputeNow() {
        if (closed) {
            return;
        }
        if (soon != null) {
            // this update covers the one waiting for a pause
            soon.cancel(false);
            soon = null;
        }
        Set<String> publish = new LinkedHashSet<>(pendingPublish);
        pendingPublish.clear();
        if (indexing) {
            // a partial model would report services as missing that are merely not read yet: per-file only
            for (String uri : publish) {
                session.documents.publish(uri);
            }
            return;
        }
        long t0 = System.nanoTime();
        CrossFileAnalysis.Result before = current;
        CrossFileAnalysis.Result after;
        try {
            after = index().analyze(session.settings(), LOG);
        } catch (RuntimeException e) {
            Log.error("cross-file analysis failed", e);
            return;
        }
        lastRecomputeNanos = System.nanoTime() - t0;
        current = after;
        generation++;
        Set<String> changed = new LinkedHashSet<>();
        Set<String> uris = new LinkedHashSet<>(before.byUri().keySet());
        uris.addAll(after.byUri().keySet());
        for (String uri : uris) {
            if (!Objects.equals(before.findings(uri), after.findings(uri))) {
                changed.add(uri);
            }
        }
        changed.addAll(publish);
        boolean refresh = false;
        for (String uri : changed) {
            if (closed) {
                return;
            }
            if (isOpen(uri)) {
                if (session.pullDiagnostics) {
                    refresh |= !publish.contains(uri) || !after.findings(uri).isEmpty()
                            || !before.findings(uri).isEmpty();
                } else {
                    session.documents.publish(uri);
                }
            } else if (!session.pullDiagnostics) {
                publishClosed(uri, after);
            } else {
                refresh = true; // a closed file's cross-file findings changed: its workspace report is stale
            }
        }
        if (refresh) {
            WorkspaceHandler.refreshDiagnostics(session);
        }
    }

    private void publishClosed(String uri, CrossFileAnalysis.Result r) {
        List<Finding> fs = r.findings(uri);
        if (fs.isEmpty() && !pushedClosed.remove(uri)) {
            return;
        }
        FileFacts f = r.file(uri);
        if (!fs.isEmpty()) {
            if (f == null) {
                return;
            }
            pushedClosed.add(uri);
        }
        session.documents.publishFindings(uri, f == null ? null : f.file().lines(), fs, null);
    }

    /**
     * The cross-file findings to show with an open document's analysis: only when they were computed from the
     * same version of the document (otherwise their ranges would point into other text).
     */
    List<Finding> crossFor(Analysis a) {
        if (!enabled()) {
            return List.of();
        }
        CrossFileAnalysis.Result r = current;
        List<Finding> fs = r.findings(a.file().uri());
        if (fs.isEmpty()) {
            return fs;
        }
        FileFacts f = r.file(a.file().uri());
        if (f == null || f.file().version() != a.file().version() || !f.file().text().equals(a.file().text())) {
            return List.of();
        }
        return fs;
    }

    /**
     * {@code workspace/diagnostic} (pull clients): the cross-file findings of files that are not open, which
     * document pulls never ask for. Open files are left to their document reports. A file whose findings are
     * as the client last saw them is answered "unchanged"; a file the client saw findings for and that has none
     * now gets an empty report, so they clear.
     */
    List<WorkspaceDocumentDiagnosticReport> workspaceReports(List<PreviousResultId> previous) {
        List<WorkspaceDocumentDiagnosticReport> out = new ArrayList<>();
        if (!enabled()) {
            return out;
        }
        CrossFileAnalysis.Result r = current;
        Map<String, String> before = new HashMap<>();
        for (PreviousResultId p : previous == null ? List.<PreviousResultId>of() : previous) {
            before.put(p.getUri(), p.getValue());
        }
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, List<Finding>> e : r.byUri().entrySet()) {
            String uri = e.getKey();
            FileFacts f = r.file(uri);
            if (e.getValue().isEmpty() || isOpen(uri) || f == null) {
                continue;
            }
            seen.add(uri);
            var li = f.file().lines();
            List<Diagnostic> items = new ArrayList<>();
            for (Finding x : e.getValue()) {
                items.add(Convert.diagnostic(li, x, session.settings()));
            }
            String id = "w" + Integer.toHexString(items.hashCode());
            if (id.equals(before.get(uri))) {
                out.add(new WorkspaceDocumentDiagnosticReport(
                        new WorkspaceUnchangedDocumentDiagnosticReport(id, uri, null)));
            } else {
                WorkspaceFullDocumentDiagnosticReport full = new WorkspaceFullDocumentDiagnosticReport(items, uri, null);
                full.setResultId(id);
                out.add(new WorkspaceDocumentDiagnosticReport(full));
            }
        }
        for (String uri : before.keySet()) {
            if (!seen.contains(uri) && !isOpen(uri)) {
                WorkspaceFullDocumentDiagnosticReport empty = new WorkspaceFullDocumentDiagnosticReport(List.of(), uri,
                        null);
                empty.setResultId("w0");
                out.add(new WorkspaceDocumentDiagnosticReport(empty));
            }
        }
        return out;
    }

    /** Per-file findings and cross-file findings, in position order. */
    List<Finding> merged(Analysis a) {
        List<Finding> cross = crossFor(a);
        if (cross.isEmpty()) {
            return a.findings();
        }
        return io.archlens.analysis.FindingMerge.combine(a.findings(), cross, a.file().lines());
    }

    /** The system around a file for the LLM agent's prompt; null when the model knows nothing about it. */
    String agentSummary(io.archlens.analysis.SourceFile file) {
        if (!enabled()) {
            return null;
        }
        CrossFileAnalysis.Result r = current;
        io.archlens.model.SystemModel m = r.around(file.uri());
        if (m.nodes().isEmpty()) {
            return null;
        }
        return io.archlens.model.SystemSummary.forAgent(m, file.uri(), r.findings(file.uri()), 4000);
    }

    void shutdown() {
        closed = true;
        pool.shutdownNow();
    }

    int generation() {
        return generation;
    }
}

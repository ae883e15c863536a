package io.archlens.lsp;

import io.archlens.analysis.Analysis;
import io.archlens.analysis.Finding;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.TimeBox;
import io.archlens.config.Settings;
import io.archlens.core.Log;
import io.archlens.workspace.Document;
import io.archlens.workspace.DocumentStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs the rule book on document snapshots on one background thread. Edits in quick succession coalesce:
 * a queued task analyses whatever version is current when it runs, and tasks for versions already analysed
 * do nothing. A running analysis of a superseded version is cancelled between rules.
 */
final class AnalysisScheduler {
    /** The analysis of one document version. {@code resultId} changes only when the findings change. */
    record Result(int version, Analysis analysis, String resultId, long generation) {
        List<Finding> findings() {
            return analysis.findings();
        }
    }

    private final DocumentStore store;
    private final Supplier<RuleBook> book;
    private final Supplier<Settings> settings;
    private final Consumer<Result> onResult;
    private final Map<String, Result> results = new ConcurrentHashMap<>();
    /** Bumped when settings change: results of an older generation are stale even for the same version. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    private final ExecutorService exec = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "archlens-analysis");
        t.setDaemon(true);
        return t;
    });

    AnalysisScheduler(DocumentStore store, Supplier<RuleBook> book, Supplier<Settings> settings, Consumer<Result> onResult) {
        this.store = store;
        this.book = book;
        this.settings = settings;
        this.onResult = onResult;
    }

    void schedule(String uri) {
        exec.execute(() -> runLatest(uri, true));
    }

    /** Forget results (settings changed) and re-analyse every open document. */
    void invalidateAll() {
        generation.incrementAndGet();
        results.clear();
        for (Document d : store.all()) {
            schedule(d.uri());
        }
    }

    /** Runs {@code r} on the analysis thread once everything queued before it has run. */
    void afterQueued(Runnable r) {
        exec.execute(() -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                Log.error("post-analysis task failed", e);
            }
        });
    }

    void forget(String uri) {
        results.remove(uri);
    }

    /** Documents with a stored result (for tests: after every document is closed, none). */
    int retained() {
        return results.size();
    }

    Optional<Result> cached(String uri) {
        return Optional.ofNullable(results.get(uri));
    }

    /** The analysis of the document's current version, computed if needed (never of a stale version). */
    CompletableFuture<Result> current(String uri) {
        Optional<Document> d = store.get(uri);
        if (d.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Result r = results.get(uri);
        if (r != null && r.version() == d.get().version() && r.generation() == generation.get()) {
            return CompletableFuture.completedFuture(r);
        }
        return CompletableFuture.supplyAsync(() -> {
            Result now = runLatest(uri, false);
            return now;
        }, exec);
    }

    private Result runLatest(String uri, boolean notify) {
        Optional<Document> od = store.get(uri);
        if (od.isEmpty()) {
            return null;
        }
        Document d = od.get();
        long gen = generation.get();
        Result prev = results.get(uri);
        if (prev != null && prev.version() == d.version() && prev.generation() == gen) {
            return prev;
        }
        Analysis a;
        try {
            Settings s = settings.get();
            a = TimeBox.analyze(book.get(), d.snapshot(), s, s.analysisTimeoutMs(Settings.EDITOR_ANALYSIS_TIMEOUT_MS),
                    () -> store.get(uri).map(x -> x.version() != d.version()).orElse(true),
                    (msg, err) -> Log.error(msg, err));
        } catch (RuntimeException e) {
            Log.error("analysis of " + uri + " failed", e);
            return null;
        }
        Document now = store.get(uri).orElse(null);
        if (now == null || now.version() != d.version() || gen != generation.get()) {
            // superseded while running: the task queued by the newer edit will analyse it
            return now == null ? null : runLatest(uri, notify);
        }
        String resultId = resultId(a);
        Result r = new Result(d.version(), a, resultId, gen);
        results.put(uri, r);
        if (store.get(uri).isEmpty()) {
            results.remove(uri); // closed while we stored it: a closed document keeps nothing here
            return null;
        }
        if (notify || prev == null || !prev.resultId().equals(resultId) || prev.version() != r.version()) {
            try {
                onResult.accept(r);
            } catch (RuntimeException e) {
                Log.error("publishing diagnostics failed", e);
            }
        }
        return r;
    }

    /** Identity of what a client would display: positions (not offsets), messages, severities, sources. */
    static String resultId(Analysis a) {
        long h = 1125899906842597L;
        var li = a.file().lines();
        for (Finding f : a.findings()) {
            h = 31 * h + f.ruleId().hashCode();
            h = 31 * h + li.position(f.range().start()).hashCode();
            h = 31 * h + li.position(f.range().end()).hashCode();
            h = 31 * h + f.message().hashCode();
            h = 31 * h + f.severity().hashCode();
            h = 31 * h + f.source().hashCode();
        }
        return Long.toHexString(h);
    }

    void shutdown() {
        exec.shutdownNow();
    }
}

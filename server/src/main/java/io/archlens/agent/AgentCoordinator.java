package io.archlens.agent;

import io.archlens.agent.definition.AgentDefinitions;
import io.archlens.agent.provider.CancelToken;
import io.archlens.analysis.Finding;
import io.archlens.analysis.SourceFile;
import io.archlens.config.ProjectContext;
import io.archlens.filekind.FileKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs agent reviews for open documents, off the editor's critical path. Active only when the settings
 * enable the agent and the workspace is trusted. Triggers: save (default), typing (opt-in, debounced), and
 * explicit requests. One review per document at a time (a newer one cancels the older), at most
 * {@link AgentSettings#maxConcurrent()} calls overall; a change, close or cancel aborts the call in flight.
 * Results go to the {@link AgentListener} with the document version they belong to.
 */
public final class AgentCoordinator implements AutoCloseable {
    private final AgentService service;
    private final AgentSettings settings;
    private final boolean trusted;
    private final ProjectContext project;
    private final AgentListener listener;
    private final ExecutorService calls;
    private final ScheduledExecutorService debouncer;
    private final Map<String, Job> running = new HashMap<>();
    private final Map<String, ScheduledFuture<?>> pending = new HashMap<>();
    private final AtomicInteger progressIds = new AtomicInteger();

    private static final class Job {
        final String uri;
        final int version;
        final CancelToken token = new CancelToken();
        final CompletableFuture<ReviewResult> result = new CompletableFuture<>();

        Job(String uri, int version) {
            this.uri = uri;
            this.version = version;
        }
    }

    /**
     * @param service the configured service, or null when the agent cannot run (then nothing is ever sent)
     * @param trusted false in an untrusted workspace: the agent stays off whatever the settings say
     */
    public AgentCoordinator(AgentService service, AgentSettings settings, boolean trusted, ProjectContext project,
            AgentListener listener) {
        this.service = service;
        this.settings = settings;
        this.trusted = trusted;
        this.project = project == null ? ProjectContext.EMPTY : project;
        this.listener = listener;
        int n = Math.max(1, Math.min(AgentSettings.MAX_CONCURRENT, settings.maxConcurrent()));
        this.calls = new ThreadPoolExecutor(n, n, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemon("archlens-agent"));
        ((ThreadPoolExecutor) calls).allowCoreThreadTimeOut(true);
        ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, daemon("archlens-agent-debounce"));
        s.setRemoveOnCancelPolicy(true);
        this.debouncer = s;
    }

    /**
     * The coordinator for a workspace: builds the service only when the agent is enabled and the workspace is
     * trusted; configuration problems are told to the user through {@link AgentListener#notice} and leave the
     * agent off. Circuit-breaker and budget notices are routed to the listener too.
     */
    public static AgentCoordinator create(AgentSettings settings, AgentDefinitions definitions, AgentRuntime runtime,
            boolean trusted, ProjectContext project, AgentListener listener) {
        AgentService service = null;
        if (settings.enabled() && trusted) {
            for (String problem : settings.problems()) {
                listener.notice("ArchLens agent settings: " + problem);
            }
            try {
                service = AgentService.create(settings, definitions, runtime.withNotices(listener::notice));
            } catch (IllegalArgumentException e) {
                listener.notice("ArchLens agent is off: " + e.getMessage());
            }
        }
        return new AgentCoordinator(service, settings, trusted, project, listener);
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** True when the agent may run at all: enabled in settings, configured, and the workspace is trusted. */
    /** Passes a system-model summary supplier to the service (see {@link AgentService#systemContext}). */
    public void systemContext(java.util.function.Function<SourceFile, String> summary) {
        if (service != null) {
            service.systemContext(summary);
        }
    }

    public boolean active() {
        return settings.enabled() && trusted && service != null;
    }

    /**
     * Whether documents of this kind are the agent's business. Backend source code (Java, Kotlin, Python,
     * JS/TS, Go, C#) is taken only while the agent is active; the rule book never analyses it.
     */
    public boolean handles(FileKind kind) {
        return active() && service.reviews(kind);
    }

    /** On open: deliver a cached review of this exact content, never a new call. */
    public void opened(SourceFile file, List<Finding> ruleFindings) {
        if (!handles(file.kind())) {
            return;
        }
        Optional<ReviewResult> hit = service.cached(file, project, ruleFindings);
        hit.ifPresent(r -> listener.findings(file.uri(), file.version(), r.findings()));
    }

    /** On change: the running review is stale; with the on-type trigger a new one is scheduled (debounced). */
    public void changed(SourceFile file, List<Finding> ruleFindings) {
        if (!active()) {
            return;
        }
        synchronized (this) {
            cancelLocked(file.uri());
            if (settings.onType() && service.reviews(file.kind())) {
                pending.put(file.uri(), debouncer.schedule(() -> {
                    synchronized (AgentCoordinator.this) {
                        pending.remove(file.uri());
                    }
                    start(file, ruleFindings);
                }, settings.debounceMs(), TimeUnit.MILLISECONDS));
            }
        }
    }

    /** On save: review when the on-save trigger is on. */
    public void saved(SourceFile file, List<Finding> ruleFindings) {
        if (handles(file.kind()) && settings.onSave()) {
            start(file, ruleFindings);
        }
    }

    /** An explicit request (command or code action): reviews whatever the triggers say. */
    public CompletableFuture<ReviewResult> review(SourceFile file, List<Finding> ruleFindings) {
        if (!active()) {
            return CompletableFuture.completedFuture(ReviewResult.skipped(inactiveReason()));
        }
        return start(file, ruleFindings);
    }

    /** What a review of this file would send (nothing is sent). */
    public Payload preview(SourceFile file, List<Finding> ruleFindings) {
        if (service == null) {
            return new Payload(null, Map.of(), null, List.of(), inactiveReason());
        }
        return service.preview(file, project, ruleFindings);
    }

    public void closed(String uri) {
        cancel(uri);
    }

    /** Cancels the pending and running review of this document, if any. */
    public synchronized void cancel(String uri) {
        cancelLocked(uri);
    }

    private void cancelLocked(String uri) {
        ScheduledFuture<?> p = pending.remove(uri);
        if (p != null) {
            p.cancel(false);
        }
        Job j = running.remove(uri);
        if (j != null) {
            j.token.cancel();
        }
    }

    public String inactiveReason() {
        if (!trusted) {
            return "the architecture agent never runs in an untrusted workspace";
        }
        if (!settings.enabled()) {
            return "the architecture agent is off; enable it with agent.enabled: true (see docs/agents.md)";
        }
        if (service == null) {
            return "the architecture agent is not configured (see the log and docs/agents.md)";
        }
        return "";
    }

    private CompletableFuture<ReviewResult> start(SourceFile file, List<Finding> ruleFindings) {
        Job job = new Job(file.uri(), file.version());
        synchronized (this) {
            cancelLocked(file.uri());
            running.put(file.uri(), job);
        }
        try {
            calls.execute(() -> run(job, file, ruleFindings));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            job.result.complete(ReviewResult.cancelled());
        }
        return job.result;
    }

    private void run(Job job, SourceFile file, List<Finding> ruleFindings) {
        ReviewResult result = ReviewResult.cancelled();
        String progress = null;
        try {
            if (job.token.isCancelled()) {
                return;
            }
            Optional<ReviewResult> hit = service.cached(file, project, ruleFindings);
            if (hit.isPresent()) {
                result = hit.get();
            } else {
                if (service.skipReason(file).isEmpty()) {
                    progress = "archlens-agent-" + progressIds.incrementAndGet();
                    listener.progressBegin(progress, file.uri(), "Reviewing " + file.name() + " with the "
                            + service.definition().name() + " agent");
                }
                result = service.review(file, project, ruleFindings, job.token);
            }
            if (job.token.isCancelled()) {
                result = ReviewResult.cancelled();
            }
            if (result.ok()) {
                listener.findings(job.uri, job.version, result.findings());
            } else {
                listener.reviewFailed(job.uri, job.version, result);
            }
        } catch (RuntimeException e) {
            result = ReviewResult.failed(io.archlens.agent.provider.Failure.MALFORMED_OUTPUT, "internal error: " + e);
            io.archlens.core.Log.error("agent review crashed", e);
        } finally {
            if (progress != null) {
                listener.progressEnd(progress, result.message());
            }
            synchronized (this) {
                running.remove(job.uri, job);
            }
            job.result.complete(result);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            for (String uri : List.copyOf(running.keySet())) {
                cancelLocked(uri);
            }
            for (String uri : List.copyOf(pending.keySet())) {
                cancelLocked(uri);
            }
        }
        debouncer.shutdownNow();
        calls.shutdown();
        if (service != null) {
            service.close();
        }
    }
}

package io.archlens.lsp;

import io.archlens.agent.AgentCoordinator;
import io.archlens.agent.AgentFindings;
import io.archlens.agent.AgentListener;
import io.archlens.agent.AgentRuntime;
import io.archlens.agent.AgentSettings;
import io.archlens.agent.Payload;
import io.archlens.agent.ReviewResult;
import io.archlens.agent.definition.AgentDefinitions;
import io.archlens.agent.validate.FindingMerger;
import io.archlens.agent.validate.FindingShifter;
import io.archlens.analysis.Analysis;
import io.archlens.analysis.Finding;
import io.archlens.analysis.SourceFile;
import io.archlens.core.Log;
import io.archlens.workspace.Document;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;

/**
 * Connects the session to the LLM architecture agent: builds the {@link AgentCoordinator} from the effective
 * settings (rebuilt only when they change), forwards document events to it once the rule book has analysed
 * that version (so the rule book never waits for the agent), keeps the agent's findings per document, and
 * turns the agent's callbacks into a diagnostics publish, work-done progress and {@code window/showMessage}.
 */
final class AgentBridge implements AgentListener {
    private final Session session;
    private final TextDocumentHandler documents;
    private final Map<String, Stored> findings = new ConcurrentHashMap<>();
    private final Map<String, Progress> progress = new ConcurrentHashMap<>();
    private volatile AgentCoordinator coordinator;
    /** A build of the coordinator started by {@link #configureLater()}; readers wait for it. */
    private volatile CompletableFuture<Void> configuring = CompletableFuture.completedFuture(null);
    private volatile Object configKey;
    /** A key handed over by the client at start-up (initializationOptions.agentApiKey); never logged. */
    volatile String clientApiKey;

    /** Agent findings computed for (or carried to) one version of a document. */
    private record Stored(int version, String text, List<Finding> findings) {
    }

    AgentBridge(Session session, TextDocumentHandler documents) {
        this.session = session;
        this.documents = documents;
    }

    /** (Re)builds the coordinator when the agent settings, trust, root or key changed. */
    synchronized void configure(boolean definitionsChanged) {
        AgentSettings s = AgentSettings.from(session.settings());
        Path root = session.root;
        String userBase = userBaseUrl();
        Object key = List.of(s, session.trusted, String.valueOf(root), Objects.hashCode(clientApiKey),
                String.valueOf(userBase), session.settings().context());
        if (!definitionsChanged && key.equals(configKey) && coordinator != null) {
            return;
        }
        configKey = key;
        AgentCoordinator old = coordinator;
        coordinator = AgentCoordinator.create(s, AgentDefinitions.load(root), AgentRuntime.system(clientApiKey, userBase, null),
                session.trusted, session.settings().context(), this);
        coordinator.systemContext(file -> session.system.agentSummary(file));
        if (old != null) {
            old.close();
        }
        if (s.enabled() && !session.trusted) {
            Log.info("agent: enabled in settings but the workspace is untrusted; it stays off");
        } else if (coordinator.active()) {
            Log.info("agent: " + s.provider().id() + " at " + s.baseUrl() + ", agent " + s.agentName()
                    + (s.onSave() ? ", on save" : "") + (s.onType() ? ", on type" : ""));
        }
    }

    /** agent.base-url as set by the editor (settings or initializationOptions), not by the project's file. */
    private String userBaseUrl() {
        for (io.archlens.config.Settings layer : new io.archlens.config.Settings[] {session.editorSettings,
                session.initOptions}) {
            if (layer != null && layer.agent().get("base-url") != null) {
                return String.valueOf(layer.agent().get("base-url"));
            }
        }
        return null;
    }

    /**
     * Builds the coordinator on its own thread: at start-up, reading the agent definitions and preparing the
     * providers is work the {@code initialize} answer does not need. Every reader of the coordinator waits for it.
     */
    void configureLater() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        configuring = done;
        Thread t = new Thread(() -> {
            try {
                configure(false);
            } catch (RuntimeException | Error e) {
                Log.error("agent: could not be set up", e);
            } finally {
                done.complete(null);
            }
        }, "archlens-agent-setup");
        t.setDaemon(true);
        t.start();
    }

    /** The current coordinator (null: none), once a pending {@link #configureLater()} has finished. */
    AgentCoordinator coordinator() {
        configuring.join();
        return coordinator;
    }

    boolean handles(SourceFile file) {
        AgentCoordinator c = coordinator();
        return c != null && c.handles(file.kind());
    }

    // ---- document events (called on the protocol thread) ----

    void opened(String uri) {
        afterRuleBook(uri, (file, rules) -> coordinator().opened(file, rules));
    }

    void changed(String uri) {
        AgentCoordinator c = coordinator();
        if (c == null || !c.active()) {
            return;
        }
        c.cancel(uri);
        if (AgentSettings.from(session.settings()).onType()) {
            afterRuleBook(uri, (file, rules) -> coordinator().changed(file, rules));
        }
    }

    void saved(String uri) {
        afterRuleBook(uri, (file, rules) -> coordinator().saved(file, rules));
    }

    /** Documents with stored agent findings (for tests). */
    int retained() {
        return findings.size();
    }

    void closed(String uri) {
        AgentCoordinator c = coordinator();
        if (c != null) {
            c.closed(uri);
        }
        findings.remove(uri);
    }

    /** The explicit review (command, code action). Completes with the result; cancelling it cancels the call. */
    CompletableFuture<ReviewResult> review(String uri) {
        AgentCoordinator c = coordinator();
        if (c == null) {
            return CompletableFuture.completedFuture(ReviewResult.skipped("the architecture agent is off"));
        }
        if (!c.active()) {
            return CompletableFuture.completedFuture(ReviewResult.skipped(c.inactiveReason()));
        }
        return session.scheduler.current(uri).thenCompose(r -> {
            if (r == null) {
                return CompletableFuture.completedFuture(ReviewResult.skipped("the document is not open"));
            }
            return c.review(r.analysis().file(), r.analysis().findings());
        });
    }

    CompletableFuture<Payload> preview(String uri) {
        AgentCoordinator c = coordinator();
        return session.scheduler.current(uri).thenApply(r -> {
            if (r == null) {
                return new Payload(null, Map.of(), null, List.of(), "the document is not open");
            }
            if (c == null) {
                return new Payload(null, Map.of(), null, List.of(), "the architecture agent is off");
            }
            return c.preview(r.analysis().file(), r.analysis().findings());
        });
    }

    void cancel(String uri) {
        AgentCoordinator c = coordinator();
        if (c != null) {
            c.cancel(uri);
        }
    }

    private interface Trigger {
        void run(SourceFile file, List<Finding> ruleFindings);
    }

    /** Runs the trigger with the rule book's result for the current version, when the agent handles the file. */
    private void afterRuleBook(String uri, Trigger t) {
        AgentCoordinator c = coordinator();
        Optional<Document> d = session.store.get(uri);
        if (c == null || !c.active() || d.isEmpty() || !c.handles(d.get().kind())) {
            return;
        }
        int version = d.get().version();
        session.scheduler.current(uri).thenAccept(r -> {
            if (r != null && r.version() == version && coordinator == c) {
                t.run(r.analysis().file(), r.analysis().findings());
            }
        }).exceptionally(e -> {
            Log.warn("agent: could not start a review of " + uri + ": " + e);
            return null;
        });
    }

    // ---- merging into what the client sees ----

    /** The rule book's result with the agent's findings for the same version merged in after its own. */
    AnalysisScheduler.Result merged(AnalysisScheduler.Result r) {
        SourceFile file = r.analysis().file();
        List<Finding> agent = findingsFor(file.uri(), r.version(), file.text());
        agent = AgentFindings.applySettings(file, agent, session.settings());
        if (agent.isEmpty()) {
            return r;
        }
        Analysis a = new Analysis(file, FindingMerger.merge(r.findings(), agent, file.text()), r.analysis().model());
        return new AnalysisScheduler.Result(r.version(), a, AnalysisScheduler.resultId(a), r.generation());
    }

    private List<Finding> findingsFor(String uri, int version, String text) {
        Stored s = findings.get(uri);
        if (s == null || version < s.version()) {
            return List.of();
        }
        if (s.version() == version) {
            return s.findings();
        }
        Stored carried = new Stored(version, text, FindingShifter.carry(s.findings(), s.text(), text));
        findings.put(uri, carried);
        if (session.store.get(uri).isEmpty()) {
            findings.remove(uri);
        }
        return carried.findings();
    }

    // ---- AgentListener (called on agent threads) ----

    @Override
    public void findings(String uri, int version, List<Finding> list) {
        Optional<Document> d = session.store.get(uri);
        if (d.isEmpty() || d.get().version() != version) {
            return; // closed or edited meanwhile (a change cancels the review; this is the rare race)
        }
        findings.put(uri, new Stored(version, d.get().text(), list));
        if (session.store.get(uri).isEmpty()) {
            findings.remove(uri); // closed meanwhile
            return;
        }
        republish(uri, version);
    }

    private void republish(String uri, int version) {
        if (session.client == null) {
            return;
        }
        if (session.pullDiagnostics) {
            WorkspaceHandler.refreshDiagnostics(session);
            return;
        }
        session.scheduler.cached(uri).filter(r -> r.version() == version).ifPresent(r -> {
            AnalysisScheduler.Result m = documents.visible(r);
            session.client.publishDiagnostics(new PublishDiagnosticsParams(uri, documents.diagnostics(m), version));
        });
    }

    @Override
    public void progressBegin(String token, String uri, String title) {
        Progress p = Progress.begin(session, title, ClientStatus.State.REVIEWING, uri);
        Progress prev = progress.put(token, p);
        if (prev != null) {
            prev.end(null);
        }
    }

    @Override
    public void progressEnd(String token, String message) {
        Progress p = progress.remove(token);
        if (p != null) {
            p.end(null);
        }
    }

    @Override
    public void reviewFailed(String uri, int version, ReviewResult result) {
        if (result.status() == ReviewResult.Status.FAILED) {
            Log.warn("agent: review of " + session.pathOf(uri) + " failed: " + result.message());
            session.status(ClientStatus.State.ERROR, "agent: " + result.message(), uri);
        } else if (result.status() == ReviewResult.Status.SKIPPED) {
            Log.debug("agent: " + session.pathOf(uri) + " not reviewed: " + result.message());
        }
    }

    @Override
    public void notice(String message) {
        Log.warn(message);
        if (session.client != null) {
            session.client.showMessage(new MessageParams(MessageType.Warning, message));
        }
    }

    void shutdown() {
        AgentCoordinator c = coordinator();
        if (c != null) {
            c.close();
        }
    }
}

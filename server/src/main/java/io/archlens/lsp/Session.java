package io.archlens.lsp;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import io.archlens.analysis.RuleBook;
import io.archlens.config.ConfigLoader;
import io.archlens.config.Settings;
import io.archlens.core.Log;
import io.archlens.workspace.DocumentStore;
import io.archlens.workspace.Paths2;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.concurrent.CompletableFuture;
import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The server's state for one client connection: capabilities, workspace root, settings layers, documents and
 * the analysis scheduler. Settings precedence (lowest first): defaults, {@code .archlens.yml},
 * initializationOptions, the client's {@code archlens} configuration section.
 */
final class Session {
    final DocumentStore store = new DocumentStore();
    /** The rule book, loading on its own thread from start-up: {@code initialize} does not wait for it. */
    private final CompletableFuture<RuleBook> bookLoad;
    /**
     * Whether the rule book has cross-file rules; asked when first needed (capabilities, indexing), by when the
     * book has usually loaded; before that, from the service registrations.
     */
    private final BooleanSupplier crossFileProbe;
    private volatile Boolean crossFile;
    final Map<String, Function<List<Object>, CompletableFuture<Object>>> commands = new ConcurrentHashMap<>();
    volatile LanguageClient client;
    volatile ClientCapabilities capabilities = new ClientCapabilities();
    volatile Path root;
    volatile Settings projectSettings = Settings.DEFAULTS;
    volatile Settings initOptions;
    volatile Settings editorSettings;
    volatile Settings effective = Settings.DEFAULTS;
    volatile String configError;
    volatile boolean pullDiagnostics;
    volatile boolean trusted = true;
    /** The client asked for {@code archlens/status} notifications (initializationOptions statusNotification). */
    volatile boolean statusNotifications;
    AnalysisScheduler scheduler;
    TextDocumentHandler documents;
    SystemSupport system;
    /** The LLM architecture agent's side of the session (off unless enabled and trusted). */
    AgentBridge agent;

    Session(CompletableFuture<RuleBook> book, BooleanSupplier crossFile) {
        this.bookLoad = book;
        this.crossFileProbe = crossFile;
    }

    boolean crossFile() {
        Boolean c = crossFile;
        if (c == null) {
            c = crossFileProbe.getAsBoolean();
            crossFile = c;
        }
        return c;
    }

    /** The rule book; the first callers after start-up wait for it to finish loading. */
    RuleBook book() {
        return bookLoad.join();
    }

    Settings settings() {
        return effective;
    }

    /** Per-document state the server holds; after every document is closed, only the disk's facts remain. */
    Map<String, Integer> retained() {
        Map<String, Integer> m = new java.util.LinkedHashMap<>();
        m.put("documents", store.all().size());
        m.put("results", scheduler == null ? 0 : scheduler.retained());
        m.put("agent", agent == null ? 0 : agent.retained());
        m.put("index", system == null ? 0 : system.index().size());
        return m;
    }

    void reloadProjectConfig() {
        reloadProjectConfig(false);
    }

    /** @param agentLater build the agent's side on its own thread (start-up: {@code initialize} does not need it) */
    void reloadProjectConfig(boolean agentLater) {
        ConfigLoader.Loaded l = ConfigLoader.load(root);
        projectSettings = l.settings();
        configError = l.error();
        if (l.error() != null) {
            Log.warn("ignoring " + l.error());
        }
        recompute(agentLater);
    }

    void recompute() {
        recompute(false);
    }

    private void recompute(boolean agentLater) {
        Settings s = projectSettings;
        if (initOptions != null) {
            s = Settings.merge(s, initOptions);
        }
        if (editorSettings != null) {
            s = Settings.merge(s, editorSettings);
        }
        effective = s;
        if (agent != null && agentLater) {
            agent.configureLater();
        } else if (agent != null) {
            agent.configure(false);
        }
    }

    /** Settings objects from the client (JSON) become the same map shape as .archlens.yml. */
    @SuppressWarnings("unchecked")
    static Settings fromJson(Object json) {
        if (json == null) {
            return null;
        }
        Object o = json;
        if (json instanceof JsonElement je) {
            if (je.isJsonNull()) {
                return null;
            }
            o = new Gson().fromJson(je, Object.class);
        }
        if (!(o instanceof Map)) {
            return null;
        }
        Map<String, Object> m = (Map<String, Object>) o;
        if (m.get("archlens") instanceof Map<?, ?> nested) {
            m = (Map<String, Object>) nested;
        }
        return Settings.fromMap(kebab(m));
    }

    /** Editors use camelCase setting names (maxFileBytes); the file uses kebab-case. Accept both. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> kebab(Map<String, Object> m) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            String k = e.getKey();
            boolean ruleId = k.contains("/");
            String key = ruleId ? k : k.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
            Object v = e.getValue();
            if (v instanceof Map<?, ?> mm && !key.equals("rules")) {
                v = kebab((Map<String, Object>) mm);
            }
            out.put(key, v);
        }
        return out;
    }

    /** Tells a client that asked for it what the server is doing (see {@link ClientStatus}). */
    void status(ClientStatus.State state, String message, String uri) {
        LanguageClient c = client;
        if (statusNotifications && c != null) {
            ClientStatus.send(c, state, message, uri);
        }
    }

    /** The resting state: idle, or an error when the project configuration could not be read. */
    void restingStatus() {
        if (configError != null) {
            status(ClientStatus.State.ERROR, configError, null);
        } else {
            status(ClientStatus.State.IDLE, null, null);
        }
    }

    /** Forgets every result and re-analyses the open documents, with progress when there is any. */
    void reanalyseAll(String why) {
        int open = store.all().size();
        if (open == 0) {
            if (system != null) {
                system.settingsChanged();
            }
            restingStatus();
            return;
        }
        Progress p = Progress.begin(this, why + ": re-analysing " + open + (open == 1 ? " file" : " files"),
                ClientStatus.State.BUSY, null);
        scheduler.invalidateAll();
        scheduler.afterQueued(() -> {
            p.end(configError);
        });
        if (system != null) {
            system.settingsChanged();
        }
    }

    String pathOf(String uri) {
        return Paths2.displayPath(uri, root);
    }
}

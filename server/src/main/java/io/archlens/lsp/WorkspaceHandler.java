package io.archlens.lsp;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.archlens.core.Log;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.ConfigurationItem;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.WorkspaceService;

/** Settings, watched files and commands. */
final class WorkspaceHandler implements WorkspaceService {
    static final String CMD_FIX_ALL = "archlens.fixAll";
    /** Applies the WorkspaceEdit given as argument; code actions become this command for clients without literals. */
    static final String CMD_APPLY_EDIT = "archlens.applyEdit";
    /**
     * Returns the service graph as Mermaid (DOT with the argument "dot"; with "svg", the drawing the VS Code view
     * shows, the report's).
     */
    static final String CMD_SHOW_GRAPH = "archlens.showGraph";
    /** The files the system model reads, watched so the workspace index follows changes made outside the editor. */
    static final List<String> SYSTEM_GLOBS = List.of("**/*.{yml,yaml}", "**/{Dockerfile,Containerfile}",
            "**/{Dockerfile,Containerfile}.*", "**/*.dockerfile", "**/*.conf", "**/.env", "**/.env.*", "**/*.env",
            "**/*.properties");
    /** Reviews the document given as argument with the architecture agent (also a code action). */
    static final String CMD_REVIEW_FILE = "archlens.reviewFile";
    /** Returns exactly what a review of the document would send to the provider (nothing is sent). */
    static final String CMD_PREVIEW_PAYLOAD = "archlens.previewAgentPayload";

    private final Session session;

    WorkspaceHandler(Session session, TextDocumentHandler documents) {
        this.session = session;
        session.commands.put(CMD_FIX_ALL, this::fixAllCommand);
        session.commands.put(CMD_APPLY_EDIT, this::applyEditCommand);
        session.commands.put(CMD_SHOW_GRAPH, args -> CompletableFuture.completedFuture(
                (Object) SystemFeatures.graph(session, uriArg(args))));
        session.commands.put(CMD_REVIEW_FILE, args -> AgentCommands.review(session, uriArg(args)));
        session.commands.put(CMD_PREVIEW_PAYLOAD, args -> AgentCommands.preview(session, uriArg(args)));
    }

    Set<String> commandNames() {
        return session.commands.keySet();
    }

    void afterInitialized() {
        pullConfiguration();
        if (Capabilities.watchedFilesDynamic(session.capabilities) && session.client != null) {
            List<FileSystemWatcher> watchers = new java.util.ArrayList<>();
            watchers.add(new FileSystemWatcher(Either.forLeft("**/.archlens.{yml,yaml}")));
            if (session.system.enabled()) {
                for (String g : SYSTEM_GLOBS) {
                    watchers.add(new FileSystemWatcher(Either.forLeft(g)));
                }
            }
            DidChangeWatchedFilesRegistrationOptions opts = new DidChangeWatchedFilesRegistrationOptions(watchers);
            session.client.registerCapability(new RegistrationParams(List.of(
                    new Registration("archlens-watch-config", "workspace/didChangeWatchedFiles", opts))));
        }
    }

    /** Ask the client for the {@code archlens} section, when it supports workspace/configuration. */
    private void pullConfiguration() {
        if (!Capabilities.configuration(session.capabilities) || session.client == null) {
            return;
        }
        ConfigurationItem item = new ConfigurationItem();
        item.setSection("archlens");
        session.client.configuration(new ConfigurationParams(List.of(item))).thenAccept(values -> {
            if (values != null && !values.isEmpty()) {
                session.editorSettings = Session.fromJson(values.get(0));
                session.recompute();
                session.reanalyseAll("settings");
                refreshDiagnostics(session);
            }
        }).exceptionally(e -> {
            Log.warn("workspace/configuration failed: " + e.getMessage());
            return null;
        });
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        if (Capabilities.configuration(session.capabilities)) {
            pullConfiguration();
            return;
        }
        session.editorSettings = Session.fromJson(params.getSettings());
        session.recompute();
        session.reanalyseAll("settings");
        refreshDiagnostics(session);
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        boolean config = false;
        List<String> changed = new java.util.ArrayList<>();
        List<String> deleted = new java.util.ArrayList<>();
        for (FileEvent e : params.getChanges()) {
            if (e.getUri().endsWith("/.archlens.yml") || e.getUri().endsWith("/.archlens.yaml")) {
                config = true;
            } else if (e.getType() == org.eclipse.lsp4j.FileChangeType.Deleted) {
                deleted.add(e.getUri());
            } else {
                changed.add(e.getUri());
            }
        }
        if (config) {
            session.reloadProjectConfig();
            session.reanalyseAll(".archlens.yml changed");
            refreshDiagnostics(session);
            session.system.reindex("Re-indexing the workspace (.archlens.yml changed)");
        }
        if (!changed.isEmpty() || !deleted.isEmpty()) {
            session.system.onWatched(changed, deleted);
        }
    }

    static void refreshDiagnostics(Session session) {
        if (session.pullDiagnostics && session.client != null && Capabilities.diagnosticRefresh(session.capabilities)) {
            session.client.refreshDiagnostics();
        }
    }

    @Override
    public CompletableFuture<org.eclipse.lsp4j.WorkspaceDiagnosticReport> diagnostic(
            org.eclipse.lsp4j.WorkspaceDiagnosticParams params) {
        // reads the last complete model (a volatile snapshot): answered at once, never waits for indexing
        return CompletableFuture.completedFuture(new org.eclipse.lsp4j.WorkspaceDiagnosticReport(
                session.system.workspaceReports(params.getPreviousResultIds())));
    }

    @Override
    public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
        Function<List<Object>, CompletableFuture<Object>> handler = session.commands.get(params.getCommand());
        if (handler == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("unknown command " + params.getCommand()));
        }
        return handler.apply(params.getArguments() == null ? List.of() : params.getArguments());
    }

    /** {@code archlens.fixAll [uri]}: applies every safe fix through workspace/applyEdit. */
    private CompletableFuture<Object> fixAllCommand(List<Object> args) {
        String uri = uriArg(args);
        if (uri == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("archlens.fixAll needs a document URI"));
        }
        return session.scheduler.current(uri).thenCompose(r -> {
            if (r == null) {
                return CompletableFuture.completedFuture(false);
            }
            var action = new CodeActions(session, r).fixAll();
            if (action.isEmpty()) {
                return CompletableFuture.completedFuture(false);
            }
            return session.client.applyEdit(new ApplyWorkspaceEditParams(action.get().getEdit(), "ArchLens: fix all"))
                    .thenApply(res -> (Object) res.isApplied());
        });
    }

    /** {@code archlens.applyEdit edit}: hands the edit back through workspace/applyEdit. */
    private CompletableFuture<Object> applyEditCommand(List<Object> args) {
        if (args.isEmpty() || session.client == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("archlens.applyEdit needs a WorkspaceEdit"));
        }
        Object a = args.get(0);
        WorkspaceEdit edit;
        if (a instanceof WorkspaceEdit we) {
            edit = we;
        } else {
            com.google.gson.Gson gson = new MessageJsonHandler(java.util.Map.of()).getGson();
            edit = gson.fromJson(a instanceof com.google.gson.JsonElement je ? je : gson.toJsonTree(a), WorkspaceEdit.class);
        }
        return session.client.applyEdit(new ApplyWorkspaceEditParams(edit, "ArchLens"))
                .thenApply(res -> (Object) res.isApplied());
    }

    static String uriArg(List<Object> args) {
        if (args.isEmpty()) {
            return null;
        }
        Object a = args.get(0);
        if (a instanceof JsonPrimitive p && p.isString()) {
            return p.getAsString();
        }
        if (a instanceof JsonObject o && o.has("uri")) {
            return o.get("uri").getAsString();
        }
        if (a instanceof String s) {
            return s;
        }
        return null;
    }
}

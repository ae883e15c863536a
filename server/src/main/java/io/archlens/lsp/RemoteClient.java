package io.archlens.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.ApplyWorkspaceEditResponse;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.LogTraceParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowDocumentParams;
import org.eclipse.lsp4j.ShowDocumentResult;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.UnregistrationParams;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The client as the server calls it: each {@link LanguageClient} method sends its message through the remote
 * endpoint, under the name LSP4J's annotations give it (checked by {@code ProtocolTest}). It is also an
 * {@link Endpoint}, as LSP4J's proxies are, for the server's own notifications ({@link ClientStatus}).
 */
final class RemoteClient implements LanguageClient, Endpoint {
    /** The parameterless refresh requests, in the order of {@link LanguageClient}'s methods. */
    static final List<String> REFRESH = List.of("workspace/semanticTokens/refresh", "workspace/codeLens/refresh",
            "workspace/inlayHint/refresh", "workspace/inlineValue/refresh", "workspace/diagnostic/refresh");

    private final Endpoint remote;

    RemoteClient(Endpoint remote) {
        this.remote = remote;
    }

    @Override
    public CompletableFuture<?> request(String method, Object parameter) {
        return remote.request(method, parameter);
    }

    @Override
    public void notify(String method, Object parameter) {
        remote.notify(method, parameter);
    }

    @SuppressWarnings("unchecked")
    private <T> CompletableFuture<T> call(String method, Object parameter) {
        return (CompletableFuture<T>) remote.request(method, parameter);
    }

    @Override
    public CompletableFuture<ApplyWorkspaceEditResponse> applyEdit(ApplyWorkspaceEditParams params) {
        return call("workspace/applyEdit", params);
    }

    @Override
    public CompletableFuture<Void> registerCapability(RegistrationParams params) {
        return call("client/registerCapability", params);
    }

    @Override
    public CompletableFuture<Void> unregisterCapability(UnregistrationParams params) {
        return call("client/unregisterCapability", params);
    }

    @Override
    public void telemetryEvent(Object object) {
        remote.notify("telemetry/event", object);
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
        remote.notify("textDocument/publishDiagnostics", diagnostics);
    }

    @Override
    public void showMessage(MessageParams message) {
        remote.notify("window/showMessage", message);
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
        return call("window/showMessageRequest", params);
    }

    @Override
    public CompletableFuture<ShowDocumentResult> showDocument(ShowDocumentParams params) {
        return call("window/showDocument", params);
    }

    @Override
    public void logMessage(MessageParams message) {
        remote.notify("window/logMessage", message);
    }

    @Override
    public CompletableFuture<List<WorkspaceFolder>> workspaceFolders() {
        return call("workspace/workspaceFolders", null);
    }

    @Override
    public CompletableFuture<List<Object>> configuration(ConfigurationParams params) {
        return call("workspace/configuration", params);
    }

    @Override
    public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams params) {
        return call("window/workDoneProgress/create", params);
    }

    @Override
    public void notifyProgress(ProgressParams params) {
        remote.notify("$/progress", params);
    }

    @Override
    public void logTrace(LogTraceParams params) {
        remote.notify("$/logTrace", params);
    }

    @Override
    public CompletableFuture<Void> refreshSemanticTokens() {
        return call(REFRESH.get(0), null);
    }

    @Override
    public CompletableFuture<Void> refreshCodeLenses() {
        return call(REFRESH.get(1), null);
    }

    @Override
    public CompletableFuture<Void> refreshInlayHints() {
        return call(REFRESH.get(2), null);
    }

    @Override
    public CompletableFuture<Void> refreshInlineValues() {
        return call(REFRESH.get(3), null);
    }

    @Override
    public CompletableFuture<Void> refreshDiagnostics() {
        return call(REFRESH.get(4), null);
    }
}

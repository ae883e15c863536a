package io.archlens.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.ApplyWorkspaceEditResponse;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.LogTraceParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.SetTraceParams;
import org.eclipse.lsp4j.ShowDocumentParams;
import org.eclipse.lsp4j.ShowDocumentResult;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.UnregistrationParams;
import org.eclipse.lsp4j.WorkDoneProgressCancelParams;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkspaceDiagnosticParams;
import org.eclipse.lsp4j.WorkspaceDiagnosticReport;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.adapters.CodeActionResponseAdapter;
import org.eclipse.lsp4j.adapters.DocumentDiagnosticReportTypeAdapter;
import org.eclipse.lsp4j.adapters.LocationLinkListAdapter;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The JSON-RPC methods of the protocol as this server speaks it, listed once: the requests and notifications it
 * answers ({@link ServerEndpoint} dispatches them) and the ones it sends ({@link RemoteClient}). LSP4J's own
 * launcher finds the same by reflection over {@code LanguageServer}, its delegates and {@code LanguageClient}
 * (some 90 methods, their annotations and every protocol class in their signatures): about a quarter of the
 * server's start-up before it can read {@code initialize}. {@code ProtocolTest} checks this table against what
 * that reflection finds, so it cannot drift from LSP4J or from the handlers.
 */
public final class Protocol {
    private Protocol() {
    }

    /** The server's launcher over {@code in}/{@code out}; {@code executor} null for LSP4J's default. */
    public static Launcher<LanguageClient> launcher(ArchLensServer server, InputStream in, OutputStream out,
            ExecutorService executor) {
        Launcher.Builder<LanguageClient> b = new Builder(server)
                .setLocalService(server)
                .setRemoteInterface(LanguageClient.class)
                .setInput(in)
                .setOutput(out);
        if (executor != null) {
            b.setExecutorService(executor);
        }
        return b.create();
    }

    /** LSP4J's builder with its three reflective steps replaced by the table, the dispatcher and the client. */
    private static final class Builder extends Launcher.Builder<LanguageClient> {
        private final ArchLensServer server;

        Builder(ArchLensServer server) {
            this.server = server;
        }

        @Override
        protected Map<String, JsonRpcMethod> getSupportedMethods() {
            return methods();
        }

        @Override
        protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler json) {
            MessageConsumer out = wrapMessageConsumer(new StreamMessageConsumer(output, json));
            ServerEndpoint local = new ServerEndpoint(server);
            RemoteEndpoint remote = exceptionHandler == null ? new RemoteEndpoint(out, local)
                    : new RemoteEndpoint(out, local, exceptionHandler);
            json.setMethodProvider(remote);
            remote.setJsonHandler(json);
            return remote;
        }

        @Override
        protected LanguageClient createProxy(RemoteEndpoint remote) {
            return new RemoteClient(remote);
        }
    }

    /** Every method, by name: the server's first, then the client's. */
    static Map<String, JsonRpcMethod> methods() {
        Map<String, JsonRpcMethod> m = new LinkedHashMap<>();
        // answered by the server (ServerEndpoint)
        request(m, "initialize", InitializeResult.class, InitializeParams.class);
        notification(m, "initialized", InitializedParams.class);
        request(m, "shutdown", Object.class);
        notification(m, "exit");
        notification(m, "$/setTrace", SetTraceParams.class);
        notification(m, "window/workDoneProgress/cancel", WorkDoneProgressCancelParams.class);
        notification(m, "textDocument/didOpen", DidOpenTextDocumentParams.class);
        notification(m, "textDocument/didChange", DidChangeTextDocumentParams.class);
        notification(m, "textDocument/didClose", DidCloseTextDocumentParams.class);
        notification(m, "textDocument/didSave", DidSaveTextDocumentParams.class);
        m.put("textDocument/diagnostic", JsonRpcMethod.request("textDocument/diagnostic",
                DocumentDiagnosticReport.class, new DocumentDiagnosticReportTypeAdapter(),
                DocumentDiagnosticParams.class));
        request(m, "textDocument/hover", Hover.class, HoverParams.class);
        request(m, "textDocument/documentLink", shape("documentLinks"), DocumentLinkParams.class);
        m.put("textDocument/definition", JsonRpcMethod.request("textDocument/definition", shape("definition"),
                new LocationLinkListAdapter(), DefinitionParams.class));
        m.put("textDocument/codeAction", JsonRpcMethod.request("textDocument/codeAction", shape("codeActions"),
                new CodeActionResponseAdapter(), CodeActionParams.class));
        notification(m, "workspace/didChangeConfiguration", DidChangeConfigurationParams.class);
        notification(m, "workspace/didChangeWatchedFiles", DidChangeWatchedFilesParams.class);
        request(m, "workspace/diagnostic", WorkspaceDiagnosticReport.class, WorkspaceDiagnosticParams.class);
        request(m, "workspace/executeCommand", Object.class, ExecuteCommandParams.class);
        // sent to the client (RemoteClient): their results are read with these types
        request(m, "workspace/applyEdit", ApplyWorkspaceEditResponse.class, ApplyWorkspaceEditParams.class);
        request(m, "workspace/configuration", shape("configuration"), ConfigurationParams.class);
        request(m, "workspace/workspaceFolders", shape("workspaceFolders"));
        request(m, "client/registerCapability", Void.class, RegistrationParams.class);
        request(m, "client/unregisterCapability", Void.class, UnregistrationParams.class);
        notification(m, "telemetry/event", Object.class);
        notification(m, "textDocument/publishDiagnostics", PublishDiagnosticsParams.class);
        notification(m, "window/showMessage", MessageParams.class);
        request(m, "window/showMessageRequest", MessageActionItem.class, ShowMessageRequestParams.class);
        request(m, "window/showDocument", ShowDocumentResult.class, ShowDocumentParams.class);
        notification(m, "window/logMessage", MessageParams.class);
        request(m, "window/workDoneProgress/create", Void.class, WorkDoneProgressCreateParams.class);
        notification(m, "$/progress", ProgressParams.class);
        notification(m, "$/logTrace", LogTraceParams.class);
        for (String refresh : RemoteClient.REFRESH) {
            request(m, refresh, Void.class);
        }
        return m;
    }

    private static void request(Map<String, JsonRpcMethod> m, String name, Type result, Type... params) {
        m.put(name, JsonRpcMethod.request(name, result, params));
    }

    private static void notification(Map<String, JsonRpcMethod> m, String name, Type... params) {
        m.put(name, JsonRpcMethod.notification(name, params));
    }

    /** The generic types of the table, read from {@link Shapes} (one small interface, not the LSP4J services). */
    private static Type shape(String name) {
        for (Method method : Shapes.class.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return method.getGenericReturnType();
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** Holds the parameterised result types as written in LSP4J's service interfaces. */
    private interface Shapes {
        List<DocumentLink> documentLinks();

        Either<List<? extends Location>, List<? extends LocationLink>> definition();

        List<Either<Command, CodeAction>> codeActions();

        List<Object> configuration();

        List<WorkspaceFolder> workspaceFolders();
    }
}

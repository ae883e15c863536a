package io.archlens.lsp;

import io.archlens.core.Log;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.SetTraceParams;
import org.eclipse.lsp4j.WorkspaceDiagnosticParams;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * Hands each incoming request and notification of {@link Protocol}'s table to the server's handler, where
 * LSP4J's {@code GenericEndpoint} would find the handler by reflection. Anything else is answered as LSP4J
 * answers it: a request with "method not found" (an optional {@code $/} one with null), a notification is
 * dropped, said once per method in the log.
 */
final class ServerEndpoint implements Endpoint {
    private final ArchLensServer server;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    ServerEndpoint(ArchLensServer server) {
        this.server = server;
    }

    @Override
    public CompletableFuture<?> request(String method, Object p) {
        TextDocumentService docs = server.getTextDocumentService();
        WorkspaceService workspace = server.getWorkspaceService();
        return switch (method) {
            case "initialize" -> server.initialize((InitializeParams) p);
            case "shutdown" -> server.shutdown();
            case "textDocument/diagnostic" -> docs.diagnostic((DocumentDiagnosticParams) p);
            case "textDocument/hover" -> docs.hover((HoverParams) p);
            case "textDocument/documentLink" -> docs.documentLink((DocumentLinkParams) p);
            case "textDocument/definition" -> docs.definition((DefinitionParams) p);
            case "textDocument/codeAction" -> docs.codeAction((CodeActionParams) p);
            case "workspace/diagnostic" -> workspace.diagnostic((WorkspaceDiagnosticParams) p);
            case "workspace/executeCommand" -> workspace.executeCommand((ExecuteCommandParams) p);
            default -> unsupported(method);
        };
    }

    @Override
    public void notify(String method, Object p) {
        TextDocumentService docs = server.getTextDocumentService();
        WorkspaceService workspace = server.getWorkspaceService();
        switch (method) {
            case "initialized" -> server.initialized((InitializedParams) p);
            case "exit" -> server.exit();
            case "$/setTrace" -> server.setTrace((SetTraceParams) p);
            case "window/workDoneProgress/cancel" -> {
                // the server's progress reports are short and not cancellable: nothing to stop
            }
            case "textDocument/didOpen" -> docs.didOpen((DidOpenTextDocumentParams) p);
            case "textDocument/didChange" -> docs.didChange((DidChangeTextDocumentParams) p);
            case "textDocument/didClose" -> docs.didClose((DidCloseTextDocumentParams) p);
            case "textDocument/didSave" -> docs.didSave((DidSaveTextDocumentParams) p);
            case "workspace/didChangeConfiguration" ->
                    workspace.didChangeConfiguration((DidChangeConfigurationParams) p);
            case "workspace/didChangeWatchedFiles" -> workspace.didChangeWatchedFiles((DidChangeWatchedFilesParams) p);
            default -> {
                if (!method.startsWith("$/") && reported.add(method)) {
                    Log.info("notification " + method + " is not supported: ignored");
                }
            }
        }
    }

    private CompletableFuture<?> unsupported(String method) {
        if (method.startsWith("$/")) {
            return CompletableFuture.completedFuture(null);
        }
        if (reported.add(method)) {
            Log.info("request " + method + " is not supported: answered with 'method not found'");
        }
        return CompletableFuture.failedFuture(new ResponseErrorException(
                new ResponseError(ResponseErrorCode.MethodNotFound, "Unsupported request method: " + method, null)));
    }
}

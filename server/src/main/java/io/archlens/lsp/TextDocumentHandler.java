package io.archlens.lsp;

import io.archlens.analysis.Finding;
import io.archlens.core.Log;
import io.archlens.core.TextRange;
import io.archlens.workspace.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RelatedFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.RelatedUnchangedDocumentDiagnosticReport;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

/** Document lifecycle, diagnostics (push and pull), hover and code actions. */
final class TextDocumentHandler implements TextDocumentService {
    private final Session session;

    TextDocumentHandler(Session session) {
        this.session = session;
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var td = params.getTextDocument();
        Document d = Document.open(td.getUri(), session.pathOf(td.getUri()), td.getVersion(), td.getText());
        session.store.open(d);
        session.scheduler.schedule(d.uri());
        session.agent.opened(d.uri());
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        List<Document.Change> changes = new ArrayList<>();
        for (TextDocumentContentChangeEvent e : params.getContentChanges()) {
            if (e.getRange() == null) {
                changes.add(new Document.Change(null, null, e.getText()));
            } else {
                changes.add(new Document.Change(Convert.pos(e.getRange().getStart()), Convert.pos(e.getRange().getEnd()),
                        e.getText()));
            }
        }
        Integer version = params.getTextDocument().getVersion();
        if (session.store.change(uri, version == null ? 0 : version, changes).isEmpty()) {
            Log.warn("didChange for a document that is not open: " + uri);
            return;
        }
        session.scheduler.schedule(uri);
        session.agent.changed(uri);
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        session.store.close(uri);
        session.scheduler.forget(uri);
        session.agent.closed(uri);
        if (!session.pullDiagnostics && session.client != null) {
            session.client.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
        }
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        if (uri.endsWith("/.archlens.yml") || uri.endsWith("/.archlens.yaml")) {
            session.reloadProjectConfig();
            session.reanalyseAll(".archlens.yml saved");
            WorkspaceHandler.refreshDiagnostics(session);
        } else if (uri.contains("/.archlens/agents/") && uri.endsWith(".md")) {
            session.agent.configure(true);
        }
        session.agent.saved(uri);
    }

    /** Called on the analysis thread with each new result. */
    void published(AnalysisScheduler.Result r) {
        if (session.pullDiagnostics || session.client == null) {
            return;
        }
        String uri = r.analysis().file().uri();
        session.client.publishDiagnostics(new PublishDiagnosticsParams(uri, diagnostics(session.agent.merged(r)),
                r.version()));
    }

    List<Diagnostic> diagnostics(AnalysisScheduler.Result r) {
        var li = r.analysis().file().lines();
        List<Diagnostic> out = new ArrayList<>(r.findings().size());
        for (Finding f : r.findings()) {
            out.add(Convert.diagnostic(li, f, session.settings()));
        }
        return out;
    }

    @Override
    public CompletableFuture<DocumentDiagnosticReport> diagnostic(DocumentDiagnosticParams params) {
        String uri = params.getTextDocument().getUri();
        String previous = params.getPreviousResultId();
        return session.scheduler.current(uri).thenApply(rb -> {
            if (rb == null) {
                return new DocumentDiagnosticReport(new RelatedFullDocumentDiagnosticReport(List.of()));
            }
            AnalysisScheduler.Result r = session.agent.merged(rb);
            if (r.resultId().equals(previous)) {
                return new DocumentDiagnosticReport(new RelatedUnchangedDocumentDiagnosticReport(r.resultId()));
            }
            RelatedFullDocumentDiagnosticReport full = new RelatedFullDocumentDiagnosticReport(diagnostics(r));
            full.setResultId(r.resultId());
            return new DocumentDiagnosticReport(full);
        });
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        String uri = params.getTextDocument().getUri();
        return session.scheduler.current(uri).thenApply(rb -> {
            if (rb == null) {
                return null;
            }
            AnalysisScheduler.Result r = session.agent.merged(rb);
            var li = r.analysis().file().lines();
            int offset = li.offset(Convert.pos(params.getPosition()));
            List<Finding> here = new ArrayList<>();
            for (Finding f : r.findings()) {
                TextRange fr = f.range();
                if (fr.start() <= offset && (offset < fr.end() || (fr.isEmpty() && offset == fr.start())
                        || offset == fr.end())) {
                    here.add(f);
                }
            }
            if (here.isEmpty()) {
                return null;
            }
            return Hovers.hover(here, li, Capabilities.markdownHover(session.capabilities), session.settings());
        });
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        String uri = params.getTextDocument().getUri();
        return session.scheduler.current(uri).thenApply(r -> {
            if (r == null) {
                return List.<Either<Command, CodeAction>>of();
            }
            return new CodeActions(session, session.agent.merged(r)).build(params);
        });
    }

    static <T> CompletableFuture<T> async(java.util.function.Function<org.eclipse.lsp4j.jsonrpc.CancelChecker, T> f) {
        return CompletableFutures.computeAsync(f);
    }
}

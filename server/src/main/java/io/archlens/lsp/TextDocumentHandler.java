package io.archlens.lsp;

import io.archlens.analysis.Analysis;
import io.archlens.analysis.Finding;
import io.archlens.core.LineIndex;
import java.util.Optional;
import io.archlens.core.Log;
import io.archlens.core.TextRange;
import io.archlens.workspace.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
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
    /** Documents already noted in the log as not analysed (once each per session). */
    private final java.util.Set<String> notedUnanalysed = java.util.concurrent.ConcurrentHashMap.newKeySet();

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
        noteIfNotAnalysed(d);
    }

    /**
     * A document the client sent (its language is registered) that the rule book does not analyse is said once per
     * document in the log, with the reason: a diagnostic would be noise on every README or values.yaml.
     */
    private void noteIfNotAnalysed(Document d) {
        if (session.book().supports(d.kind()) || session.agent != null && session.agent.handles(d.snapshot())
                || !notedUnanalysed.add(d.uri())) {
            return;
        }
        io.archlens.workspace.Skip why = io.archlens.workspace.Skip.notAnalysed(d.kind(), d.path());
        Log.info("not analysed: " + d.path() + ": " + why.detail() + " [" + why.code() + "]");
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
        io.archlens.syntax.treesitter.TreeSitterParser.forgetDocument(uri); // its kept parse, native tree included
        io.archlens.syntax.java.JavaSourceParser.forgetDocument(uri);
        session.agent.closed(uri);
        if (!session.pullDiagnostics && session.client != null) {
            session.client.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
        }
        // the file's text on disk counts again; its cross-file findings come back (push) once re-read
        session.system.onClose(uri);
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        if (uri.endsWith("/.archlens.yml") || uri.endsWith("/.archlens.yaml")) {
            session.reloadProjectConfig();
            session.reanalyseAll(".archlens.yml saved");
            WorkspaceHandler.refreshDiagnostics(session);
            session.system.reindex("Re-indexing the workspace (.archlens.yml saved)");
        } else if (uri.contains("/.archlens/agents/") && uri.endsWith(".md")) {
            session.agent.configure(true);
        }
        reanalyseOtherNginx(uri);
        session.agent.saved(uri);
    }

    /**
     * A saved nginx file (or a file of no known kind: a snippet of bare directives is not always recognised) may be
     * included by, or include, the open nginx files, which are judged with what their includes say on disk:
     * analyse them again.
     */
    private void reanalyseOtherNginx(String savedUri) {
        io.archlens.filekind.FileKind kind = session.store.get(savedUri).map(io.archlens.workspace.Document::kind)
                .orElse(io.archlens.filekind.FileKind.UNKNOWN);
        if (kind != io.archlens.filekind.FileKind.NGINX && kind != io.archlens.filekind.FileKind.UNKNOWN) {
            return;
        }
        boolean any = false;
        for (io.archlens.workspace.Document d : session.store.all()) {
            if (d.kind() == io.archlens.filekind.FileKind.NGINX && !d.uri().equals(savedUri)) {
                session.scheduler.forget(d.uri());
                session.scheduler.schedule(d.uri());
                any = true;
            }
        }
        if (any) {
            session.scheduler.afterQueued(() -> WorkspaceHandler.refreshDiagnostics(session));
        }
    }

    /** Called on the analysis thread with each new result; the system support publishes it. */
    void published(AnalysisScheduler.Result r) {
        session.system.onAnalysis(r);
    }

    /** Push mode: publishes the current analysis of an open document with its cross-file findings. */
    void publish(String uri) {
        if (session.pullDiagnostics || session.client == null) {
            return;
        }
        Optional<AnalysisScheduler.Result> r = session.scheduler.cached(uri);
        Optional<Document> d = session.store.get(uri);
        if (r.isEmpty() || d.isEmpty() || r.get().version() != d.get().version()) {
            return; // a newer version is being analysed; its result will be published
        }
        session.client.publishDiagnostics(new PublishDiagnosticsParams(uri, diagnostics(visible(r.get())),
                r.get().version()));
    }

    /** Push mode: publishes findings of a file that is not open (cross-file findings only). */
    void publishFindings(String uri, LineIndex li, List<Finding> findings, Integer version) {
        if (session.pullDiagnostics || session.client == null) {
            return;
        }
        List<Diagnostic> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            out.add(Convert.diagnostic(li, f, session.settings()));
        }
        session.client.publishDiagnostics(new PublishDiagnosticsParams(uri, out, version));
    }

    List<Diagnostic> diagnostics(AnalysisScheduler.Result r) {
        var li = r.analysis().file().lines();
        List<Finding> all = r.findings();
        List<Diagnostic> out = new ArrayList<>(all.size());
        for (Finding f : all) {
            out.add(Convert.diagnostic(li, f, session.settings()));
        }
        return out;
    }

    /** The result with cross-file findings merged in. */
    AnalysisScheduler.Result withCross(AnalysisScheduler.Result r) {
        List<Finding> cross = session.system.crossFor(r.analysis());
        if (cross.isEmpty()) {
            return r;
        }
        Analysis a = r.analysis();
        Analysis m = new Analysis(a.file(), session.system.merged(a), a.model());
        return new AnalysisScheduler.Result(r.version(), m, AnalysisScheduler.resultId(m), r.generation());
    }

    /**
     * What the client sees for a document version: the rule book's findings, the cross-file findings, then the
     * agent's (deduplicated against both). Diagnostics, hovers and code actions all use this.
     */
    AnalysisScheduler.Result visible(AnalysisScheduler.Result r) {
        return session.agent.merged(withCross(r));
    }

    @Override
    public CompletableFuture<DocumentDiagnosticReport> diagnostic(DocumentDiagnosticParams params) {
        String uri = params.getTextDocument().getUri();
        String previous = params.getPreviousResultId();
        return session.scheduler.current(uri).thenApply(r0 -> {
            if (r0 == null) {
                return new DocumentDiagnosticReport(new RelatedFullDocumentDiagnosticReport(List.of()));
            }
            AnalysisScheduler.Result r = visible(r0);
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
        return session.scheduler.current(uri).thenApply(r0 -> {
            if (r0 == null) {
                return null;
            }
            AnalysisScheduler.Result r = visible(r0);
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
            boolean markdown = Capabilities.markdownHover(session.capabilities);
            Hover connections = SystemFeatures.connectionsHover(session, r.analysis(), offset, markdown);
            if (here.isEmpty()) {
                return connections;
            }
            Hover h = Hovers.hover(here, li, markdown, session.settings());
            return connections == null ? h : Hovers.append(h, connections);
        });
    }

    @Override
    public CompletableFuture<List<DocumentLink>> documentLink(DocumentLinkParams params) {
        String uri = params.getTextDocument().getUri();
        // cheap (a few stat calls): answered on the message thread, never from a pool thread that may die
        return CompletableFuture.completedFuture(SystemFeatures.links(session, uri));
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(
            DefinitionParams params) {
        String uri = params.getTextDocument().getUri();
        return session.scheduler.current(uri).thenApply(r -> {
            if (r == null) {
                return Either.forLeft(List.of());
            }
            int offset = r.analysis().file().lines().offset(Convert.pos(params.getPosition()));
            return Either.forLeft(SystemFeatures.definition(session, r.analysis(), offset));
        });
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        String uri = params.getTextDocument().getUri();
        return session.scheduler.current(uri).thenApply(r -> {
            if (r == null) {
                return List.<Either<Command, CodeAction>>of();
            }
            return new CodeActions(session, visible(r)).build(params);
        });
    }

    static <T> CompletableFuture<T> async(java.util.function.Function<org.eclipse.lsp4j.jsonrpc.CancelChecker, T> f) {
        return CompletableFutures.computeAsync(f);
    }
}

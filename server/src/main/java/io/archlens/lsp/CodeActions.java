package io.archlens.lsp;

import io.archlens.analysis.Edit;
import io.archlens.analysis.Finding;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Fixes;
import io.archlens.analysis.SourceFile;
import io.archlens.analysis.SuppressionEdits;
import io.archlens.core.LineIndex;
import io.archlens.core.TextRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Code actions for the findings of the current document version: each finding's fixes, "ignore on this
 * line", "ignore in this file", and fix-all ({@code source.fixAll.archlens}). Edits are built from the same
 * snapshot the findings came from and carry its version, so a client never applies them to other text.
 */
final class CodeActions {
    private final Session session;
    private final AnalysisScheduler.Result result;
    private final SourceFile file;
    private final LineIndex li;

    CodeActions(Session session, AnalysisScheduler.Result result) {
        this.session = session;
        this.result = result;
        this.file = result.analysis().file();
        this.li = file.lines();
    }

    List<Either<Command, CodeAction>> build(CodeActionParams params) {
        List<String> only = params.getContext() == null ? null : params.getContext().getOnly();
        boolean wantQuickFix = wants(only, CodeActionKind.QuickFix);
        boolean wantFixAll = wants(only, ArchLensServer.FIX_ALL_KIND);
        List<Either<Command, CodeAction>> out = new ArrayList<>();
        if (wantQuickFix) {
            TextRange requested = Convert.range(li, params.getRange());
            for (Finding f : result.findings()) {
                if (!f.range().intersects(requested)) {
                    continue;
                }
                Diagnostic diag = Convert.diagnostic(li, f, session.settings());
                boolean preferred = true;
                for (Fix fix : f.fixes()) {
                    CodeAction a = action(fix.title(), CodeActionKind.QuickFix, fix.edits());
                    a.setDiagnostics(List.of(diag));
                    if (fix.safe() && preferred) {
                        a.setIsPreferred(true);
                        preferred = false;
                    }
                    out.add(Either.forRight(a));
                }
                if (f.ruleId().equals(io.archlens.model.ProjectRule.MISSING_CONTEXT.id())) {
                    ContextAction.build(session, diag).ifPresent(a -> out.add(Either.forRight(a)));
                    continue;
                }
                if (!f.ruleId().startsWith("archlens/") && SuppressionEdits.supported(file)) {
                    CodeAction line = action("Ignore " + f.ruleId() + " on this line", CodeActionKind.QuickFix,
                            List.of(SuppressionEdits.ignoreOnLine(file, f)));
                    line.setDiagnostics(List.of(diag));
                    out.add(Either.forRight(line));
                    CodeAction whole = action("Ignore " + f.ruleId() + " in this file", CodeActionKind.QuickFix,
                            List.of(SuppressionEdits.ignoreInFile(file, f.ruleId())));
                    whole.setDiagnostics(List.of(diag));
                    out.add(Either.forRight(whole));
                }
            }
        }
        if (wantFixAll) {
            fixAll().ifPresent(a -> out.add(Either.forRight(a)));
        }
        if (wants(only, ArchLensServer.REVIEW_KIND) && session.agent.handles(file)) {
            String title = "Review this file with the architecture agent";
            CodeAction review = new CodeAction(title);
            review.setKind(ArchLensServer.REVIEW_KIND);
            review.setCommand(new Command(title, WorkspaceHandler.CMD_REVIEW_FILE, List.of(file.uri())));
            out.add(Either.forRight(review));
        }
        if (!Capabilities.codeActionLiterals(session.capabilities)) {
            // LSP 3.x clients without codeActionLiteralSupport understand only Command results
            List<Either<Command, CodeAction>> commands = new ArrayList<>(out.size());
            for (Either<Command, CodeAction> e : out) {
                CodeAction a = e.getRight();
                if (a.getEdit() == null && a.getCommand() != null) {
                    commands.add(Either.forLeft(a.getCommand()));
                    continue;
                }
                commands.add(Either.forLeft(new Command(a.getTitle(), WorkspaceHandler.CMD_APPLY_EDIT,
                        List.of(a.getEdit()))));
            }
            return commands;
        }
        return out;
    }

    java.util.Optional<CodeAction> fixAll() {
        boolean anySafe = result.findings().stream().anyMatch(f -> f.fixes().stream().anyMatch(Fix::safe));
        if (!anySafe) {
            return java.util.Optional.empty();
        }
        // the rule book's findings of this version start it; more rounds only within 300 ms (a cursor move asks)
        List<io.archlens.analysis.Finding> ruleBook = result.findings().stream()
                .filter(f -> io.archlens.analysis.Finding.RULE_BOOK_SOURCE.equals(f.source())).toList();
        String fixed = Fixes.fixAll(session.book(), file, ruleBook, session.settings(), 300_000_000L);
        if (fixed.equals(file.text())) {
            return java.util.Optional.empty();
        }
        Edit e = Fixes.minimalEdit(file.text(), fixed);
        return java.util.Optional.of(action("Fix all safe ArchLens problems", ArchLensServer.FIX_ALL_KIND, List.of(e)));
    }

    private static boolean wants(List<String> only, String kind) {
        if (only == null || only.isEmpty()) {
            return true;
        }
        for (String o : only) {
            if (kind.equals(o) || kind.startsWith(o + ".")) {
                return true;
            }
        }
        return false;
    }

    private CodeAction action(String title, String kind, List<Edit> edits) {
        CodeAction a = new CodeAction(title);
        a.setKind(kind);
        a.setEdit(workspaceEdit(edits));
        return a;
    }

    WorkspaceEdit workspaceEdit(List<Edit> edits) {
        List<TextEdit> tes = new ArrayList<>();
        for (Edit e : edits) {
            tes.add(Convert.edit(li, e));
        }
        if (Capabilities.documentChanges(session.capabilities)) {
            TextDocumentEdit tde = new TextDocumentEdit(new VersionedTextDocumentIdentifier(file.uri(), result.version()), tes);
            return new WorkspaceEdit(List.of(Either.forLeft(tde)));
        }
        Map<String, List<TextEdit>> changes = new HashMap<>();
        changes.put(file.uri(), tes);
        return new WorkspaceEdit(changes);
    }
}

package io.archlens.lsp;

import io.archlens.config.ConfigLoader;
import io.archlens.model.ContextTemplate;
import io.archlens.workspace.Document;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CreateFile;
import org.eclipse.lsp4j.CreateFileOptions;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ResourceOperationKind;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * The code action of {@code arch/missing-context}: creates {@code .archlens.yml} at the workspace root with the
 * context questions as commented fields (a CreateFile resource operation plus an insert), or appends them to an
 * existing one. Core fixes edit one existing file, so this edit lives in the LSP layer.
 */
final class ContextAction {
    private static final Pattern CONTEXT_KEY = Pattern.compile("(?m)^context\\s*:");

    private ContextAction() {
    }

    static Optional<CodeAction> build(Session session, Diagnostic diag) {
        if (session.root == null) {
            return Optional.empty();
        }
        Set<String> missing = session.system.current().missingContext();
        Path file = session.root.resolve(ConfigLoader.FILE_NAME);
        Path alt = session.root.resolve(".archlens.yaml");
        if (!Files.exists(file) && Files.exists(alt)) {
            file = alt;
        }
        String uri = file.toUri().toString();
        Optional<Document> open = session.store.get(uri);
        WorkspaceEdit edit;
        String title;
        if (open.isPresent() || Files.isRegularFile(file)) {
            String text;
            try {
                text = open.isPresent() ? open.get().text() : Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return Optional.empty();
            }
            String eol = text.contains("\r\n") ? "\r\n" : "\n";
            String add = ContextTemplate.append(missing, CONTEXT_KEY.matcher(text).find(), eol);
            if (!text.isEmpty() && !text.endsWith("\n")) {
                add = eol + add;
            }
            var li = io.archlens.core.LineIndex.of(text);
            Position end = Convert.pos(li.position(text.length()));
            TextEdit te = new TextEdit(new Range(end, end), add);
            Integer version = open.map(Document::version).orElse(null);
            if (Capabilities.documentChanges(session.capabilities)) {
                edit = new WorkspaceEdit(List.of(Either.forLeft(new TextDocumentEdit(
                        new VersionedTextDocumentIdentifier(uri, version), List.of(te)))));
            } else {
                edit = new WorkspaceEdit(java.util.Map.of(uri, List.of(te)));
            }
            title = "Add the project context questions to " + file.getFileName();
        } else {
            if (!createSupported(session)) {
                return Optional.empty();
            }
            CreateFile create = new CreateFile(uri, new CreateFileOptions(false, true));
            TextEdit insert = new TextEdit(new Range(new Position(0, 0), new Position(0, 0)),
                    ContextTemplate.newFile(missing, System.lineSeparator().equals("\r\n") ? "\r\n" : "\n"));
            edit = new WorkspaceEdit(List.of(Either.forRight(create), Either.forLeft(new TextDocumentEdit(
                    new VersionedTextDocumentIdentifier(uri, null), List.of(insert)))));
            title = "Create .archlens.yml with the project context questions";
        }
        CodeAction a = new CodeAction(title);
        a.setKind(CodeActionKind.QuickFix);
        a.setDiagnostics(List.of(diag));
        a.setIsPreferred(true);
        a.setEdit(edit);
        return Optional.of(a);
    }

    private static boolean createSupported(Session session) {
        var ws = session.capabilities.getWorkspace();
        if (ws == null || ws.getWorkspaceEdit() == null || !Boolean.TRUE.equals(ws.getWorkspaceEdit().getDocumentChanges())) {
            return false;
        }
        List<String> ops = ws.getWorkspaceEdit().getResourceOperations();
        return ops != null && ops.contains(ResourceOperationKind.Create);
    }
}

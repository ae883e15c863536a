package io.archlens.lsp;

import io.archlens.config.Settings;
import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.MarkupKind;

/** What the client can do, read defensively (every capability is optional). */
final class Capabilities {
    private Capabilities() {
    }

    /**
     * Pull when the client supports {@code textDocument/diagnostic}, unless settings force a mode
     * ({@code diagnostics-mode: push|pull}). Never both: clients would show every finding twice.
     */
    static boolean pullDiagnostics(ClientCapabilities c, Settings s) {
        Object mode = s.raw().get("diagnostics-mode");
        if ("push".equals(mode)) {
            return false;
        }
        boolean supported = c.getTextDocument() != null && c.getTextDocument().getDiagnostic() != null;
        return supported;
    }

    static boolean markdownHover(ClientCapabilities c) {
        if (c.getTextDocument() == null || c.getTextDocument().getHover() == null) {
            return false;
        }
        List<String> formats = c.getTextDocument().getHover().getContentFormat();
        return formats != null && formats.contains(MarkupKind.MARKDOWN);
    }

    static boolean documentChanges(ClientCapabilities c) {
        return c.getWorkspace() != null && c.getWorkspace().getWorkspaceEdit() != null
                && Boolean.TRUE.equals(c.getWorkspace().getWorkspaceEdit().getDocumentChanges());
    }

    static boolean codeActionLiterals(ClientCapabilities c) {
        return c.getTextDocument() != null && c.getTextDocument().getCodeAction() != null
                && c.getTextDocument().getCodeAction().getCodeActionLiteralSupport() != null;
    }

    static boolean configuration(ClientCapabilities c) {
        return c.getWorkspace() != null && Boolean.TRUE.equals(c.getWorkspace().getConfiguration());
    }

    static boolean diagnosticRefresh(ClientCapabilities c) {
        return c.getWorkspace() != null && c.getWorkspace().getDiagnostics() != null
                && Boolean.TRUE.equals(c.getWorkspace().getDiagnostics().getRefreshSupport());
    }

    static boolean watchedFilesDynamic(ClientCapabilities c) {
        return c.getWorkspace() != null && c.getWorkspace().getDidChangeWatchedFiles() != null
                && Boolean.TRUE.equals(c.getWorkspace().getDidChangeWatchedFiles().getDynamicRegistration());
    }

    static boolean workDoneProgress(ClientCapabilities c) {
        return c.getWindow() != null && Boolean.TRUE.equals(c.getWindow().getWorkDoneProgress());
    }
}

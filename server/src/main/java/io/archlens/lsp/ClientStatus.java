package io.archlens.lsp;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The custom notification {@code archlens/status}: what the server (and its agent) is doing, for an editor's
 * status bar. Params: {@code {state: "idle"|"busy"|"reviewing"|"error", message?: string, uri?: string}}.
 * Sent only to clients that ask for it with {@code initializationOptions.statusNotification: true}, so
 * editors that do not know the method never see it. Work-done progress stays the standard channel; this one
 * also carries the reason of an error (bad {@code .archlens.yml}, agent failures).
 */
final class ClientStatus {
    static final String METHOD = "archlens/status";

    enum State {
        IDLE("idle"), BUSY("busy"), REVIEWING("reviewing"), ERROR("error");

        final String wire;

        State(String wire) {
            this.wire = wire;
        }
    }

    private ClientStatus() {
    }

    static Map<String, Object> params(State state, String message, String uri) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("state", state.wire);
        if (message != null) {
            p.put("message", message);
        }
        if (uri != null) {
            p.put("uri", uri);
        }
        return p;
    }

    /** Sends through the remote proxy (LSP4J proxies implement {@link Endpoint}); false when it cannot. */
    static boolean send(LanguageClient client, State state, String message, String uri) {
        if (client instanceof Endpoint e) {
            e.notify(METHOD, params(state, message, uri));
            return true;
        }
        return false;
    }
}

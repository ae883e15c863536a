package io.archlens.lsp;

import io.archlens.agent.redact.Redaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/** The agent's commands: {@code archlens.reviewFile} and {@code archlens.previewAgentPayload}. */
final class AgentCommands {
    private AgentCommands() {
    }

    /**
     * Reviews the document now, whatever the triggers say; answers {@code {status, findings, message}} once the
     * findings are published. Cancelling the request ({@code $/cancelRequest}) aborts the provider call.
     */
    static CompletableFuture<Object> review(Session session, String uri) {
        if (uri == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    WorkspaceHandler.CMD_REVIEW_FILE + " needs a document URI"));
        }
        CompletableFuture<Object> answer = new CompletableFuture<>();
        answer.whenComplete((v, e) -> {
            if (e instanceof CancellationException) {
                session.agent.cancel(uri);
            }
        });
        session.agent.review(uri).whenComplete((r, e) -> {
            if (e != null) {
                answer.completeExceptionally(e);
                return;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
            out.put("findings", r.findings().size());
            out.put("message", r.message());
            answer.complete(out);
        });
        return answer;
    }

    /** {@code {wouldSend, endpoint, headers, body, redactions: [{placeholder, kind}], refusal, text}}. */
    static CompletableFuture<Object> preview(Session session, String uri) {
        if (uri == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    WorkspaceHandler.CMD_PREVIEW_PAYLOAD + " needs a document URI"));
        }
        return session.agent.preview(uri).thenApply(p -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("wouldSend", p.wouldSend());
            out.put("endpoint", p.endpoint());
            out.put("headers", p.headers());
            out.put("body", p.body());
            List<Map<String, Object>> reds = new ArrayList<>();
            for (Redaction r : p.redactions()) {
                reds.add(Map.of("placeholder", r.placeholder(), "kind", r.kind()));
            }
            out.put("redactions", reds);
            out.put("refusal", p.refusal());
            out.put("text", p.render());
            return out;
        });
    }
}

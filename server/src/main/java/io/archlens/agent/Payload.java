package io.archlens.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.archlens.agent.redact.Redaction;
import java.util.List;
import java.util.Map;

/**
 * What a review would send, for the "preview" command: the endpoint, the headers (credentials shown as
 * {@code ***}), the exact request body (already redacted), and which kinds of secrets were replaced. When
 * the file would not be sent at all, {@code body} is null and {@code refusal} says why.
 */
public record Payload(String endpoint, Map<String, String> headers, String body, List<Redaction> redactions,
        String refusal) {
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Payload {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        redactions = redactions == null ? List.of() : List.copyOf(redactions);
    }

    public boolean wouldSend() {
        return body != null;
    }

    /** A readable report: the refusal, or the request with the body pretty-printed. */
    public String render() {
        if (body == null) {
            return "Nothing would be sent: " + refusal + "\n";
        }
        StringBuilder sb = new StringBuilder();
        sb.append("POST ").append(endpoint).append('\n');
        headers.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        sb.append('\n');
        try {
            JsonNode n = PRETTY.readTree(body);
            sb.append(PRETTY.writeValueAsString(n));
        } catch (Exception e) {
            sb.append(body);
        }
        if (refusal != null) {
            sb.append("\n\nNote: ").append(refusal);
        }
        sb.append("\n\n").append(redactions.size()).append(" secret(s) replaced by placeholders");
        for (Redaction r : redactions) {
            sb.append("\n  ").append(r.placeholder()).append(" (").append(r.kind()).append(")");
        }
        return sb.append('\n').toString();
    }
}

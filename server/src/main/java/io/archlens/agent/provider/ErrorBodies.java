package io.archlens.agent.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;

/** Reads provider error bodies (OpenAI {@code {error:{message,type,code}}}, Anthropic {@code {type:error,error:{type,message}}}). */
final class ErrorBodies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorBodies() {
    }

    /** Out of credit or quota: retrying cannot help. */
    static boolean isQuota(int status, String body) {
        if (status == 402) {
            return true;
        }
        if (body == null) {
            return false;
        }
        String b = body.toLowerCase(Locale.ROOT);
        return b.contains("insufficient_quota") || b.contains("billing_error") || b.contains("billing_hard_limit")
                || b.contains("billing_not_active") || b.contains("credit balance") || b.contains("exceeded your current quota");
    }

    /** The human message inside an error body, or a trimmed body. */
    static String message(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode n = JSON.readTree(body);
            JsonNode err = n.path("error");
            if (err.isObject()) {
                String m = err.path("message").asText("");
                String t = err.path("type").asText(err.path("code").asText(""));
                return (t.isEmpty() ? "" : t + ": ") + m;
            }
            if (err.isTextual()) {
                return err.asText();
            }
        } catch (Exception e) {
            // not JSON
        }
        String one = body.replaceAll("\\s+", " ").trim();
        return one.length() > 300 ? one.substring(0, 300) + "..." : one;
    }

    static boolean mentionsResponseFormat(String body) {
        if (body == null) {
            return false;
        }
        String b = body.toLowerCase(Locale.ROOT);
        return b.contains("response_format") || b.contains("json_schema") || b.contains("structured output");
    }
}

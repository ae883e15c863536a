package io.archlens.agent.provider;

import static io.archlens.agent.provider.ProviderTestSupport.KEY;
import static io.archlens.agent.provider.ProviderTestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.archlens.agent.prompt.OutputContract;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Anthropic /v1/messages against a MockWebServer speaking Anthropic's wire format. */
class AnthropicProviderTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    final ProviderTestSupport.Waits waits = new ProviderTestSupport.Waits();

    AnthropicProvider provider() {
        String base = server.url("/").toString();
        return new AnthropicProvider(ProviderTestSupport.config(ProviderKind.ANTHROPIC, base),
                ProviderTestSupport.caller(waits, 5000));
    }

    static String message(String stopReason, boolean withTool) throws Exception {
        ObjectNode root = ProviderTestSupport.JSON.createObjectNode();
        root.put("id", "msg_01").put("type", "message").put("role", "assistant").put("model", "claude-test");
        ArrayNode content = root.putArray("content");
        if (withTool) {
            ObjectNode t = content.addObject();
            t.put("type", "tool_use").put("id", "toolu_01").put("name", OutputContract.TOOL_NAME);
            t.set("input", ProviderTestSupport.JSON.readTree(ProviderTestSupport.emptyFindings()));
        } else {
            content.addObject().put("type", "text").put("text", "There are no problems in this file.");
        }
        root.put("stop_reason", stopReason);
        root.putNull("stop_sequence");
        root.putObject("usage").put("input_tokens", 900).put("output_tokens", 50);
        return root.toString();
    }

    static String error(String type, String message) {
        return "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}}";
    }

    @Test
    void happyPathForcesTheFindingsTool() throws Exception {
        server.enqueue(json(200, message("tool_use", true)));
        ProviderReply reply = provider().complete(ProviderTestSupport.request(), CancelToken.none());
        assertEquals(ProviderTestSupport.JSON.readTree(ProviderTestSupport.emptyFindings()),
                ProviderTestSupport.JSON.readTree(reply.json()));
        assertEquals(950, reply.usage().total());

        RecordedRequest req = server.takeRequest();
        assertEquals("/v1/messages", req.getUrl().encodedPath());
        assertEquals(KEY, req.getHeaders().get("x-api-key"));
        assertEquals("2023-06-01", req.getHeaders().get("anthropic-version"));
        assertNull(req.getHeaders().get("Authorization"));
        ObjectNode body = ProviderTestSupport.parse(req.getBody().utf8());
        assertEquals("claude-test", body.path("model").asText());
        assertEquals(2048, body.path("max_tokens").asInt());
        assertTrue(body.path("system").asText().contains("Output contract"));
        assertEquals("user", body.path("messages").path(0).path("role").asText());
        assertEquals(OutputContract.TOOL_NAME, body.path("tools").path(0).path("name").asText());
        assertEquals(OutputContract.schema(), body.path("tools").path(0).path("input_schema"));
        assertEquals("tool", body.path("tool_choice").path("type").asText());
        assertEquals(OutputContract.TOOL_NAME, body.path("tool_choice").path("name").asText());
    }

    @Test
    void overloaded529AndThen500ThenSuccess() throws Exception {
        server.enqueue(json(529, error("overloaded_error", "Overloaded")));
        server.enqueue(json(500, error("api_error", "Internal server error")));
        server.enqueue(json(200, message("tool_use", true)));
        provider().complete(ProviderTestSupport.request(), CancelToken.none());
        assertEquals(3, server.getRequestCount());
        assertEquals(List.of(1000L, 2000L), waits.waits);
    }

    @Test
    void rateLimitWithRetryAfterSeconds() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("retry-after", "3")
                .body(error("rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit")).build());
        server.enqueue(json(200, message("tool_use", true)));
        provider().complete(ProviderTestSupport.request(), CancelToken.none());
        assertEquals(List.of(3000L), waits.waits);
    }

    @Test
    void aVeryLongRetryAfterIsNotWaitedFor() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("retry-after", "3600")
                .body(error("rate_limit_error", "slow down")).build());
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider().complete(ProviderTestSupport.request(), CancelToken.none()));
        assertEquals(Failure.RATE_LIMITED, e.failure());
        assertTrue(waits.waits.isEmpty());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void billingErrorIsNeverRetried() {
        server.enqueue(json(400, error("invalid_request_error",
                "Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.")));
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider().complete(ProviderTestSupport.request(), CancelToken.none()));
        assertEquals(Failure.QUOTA, e.failure());
        server.enqueue(json(402, error("billing_error", "billing issue")));
        assertEquals(Failure.QUOTA, assertThrows(ProviderException.class,
                () -> provider().complete(ProviderTestSupport.request(), CancelToken.none())).failure());
        assertEquals(2, server.getRequestCount());
        assertTrue(waits.waits.isEmpty());
    }

    @Test
    void stopReasonOtherThanToolUseFails() throws Exception {
        server.enqueue(json(200, message("end_turn", false)));
        assertEquals(Failure.NO_TOOL_CALL, assertThrows(ProviderException.class,
                () -> provider().complete(ProviderTestSupport.request(), CancelToken.none())).failure());
        server.enqueue(json(200, message("max_tokens", false)));
        assertEquals(Failure.TRUNCATED, assertThrows(ProviderException.class,
                () -> provider().complete(ProviderTestSupport.request(), CancelToken.none())).failure());
        server.enqueue(json(200, message("refusal", false)));
        assertEquals(Failure.REFUSAL, assertThrows(ProviderException.class,
                () -> provider().complete(ProviderTestSupport.request(), CancelToken.none())).failure());
    }

    @Test
    void toolUseWithoutTheToolIsAFailure() {
        server.enqueue(json(200, "{\"type\":\"message\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],"
                + "\"stop_reason\":\"tool_use\",\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}"));
        assertEquals(Failure.NO_TOOL_CALL, assertThrows(ProviderException.class,
                () -> provider().complete(ProviderTestSupport.request(), CancelToken.none())).failure());
    }

    @Test
    void baseUrlEndingInV1IsAccepted() {
        AnthropicProvider p = new AnthropicProvider(ProviderTestSupport.config(ProviderKind.ANTHROPIC,
                "https://gateway.example/anthropic/v1/"), ProviderTestSupport.caller(waits, 1000));
        assertEquals("https://gateway.example/anthropic/v1/messages", p.endpoint());
    }
}

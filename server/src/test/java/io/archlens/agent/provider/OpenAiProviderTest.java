package io.archlens.agent.provider;

import static io.archlens.agent.provider.ProviderTestSupport.KEY;
import static io.archlens.agent.provider.ProviderTestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.archlens.agent.prompt.OutputContract;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** OpenAI-compatible chat/completions against a MockWebServer speaking OpenAI's wire format. */
class OpenAiProviderTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    final ProviderTestSupport.Waits waits = new ProviderTestSupport.Waits();
    final OutputModeMemory modes = new OutputModeMemory();

    OpenAiProvider provider(long timeoutMs) {
        return new OpenAiProvider(ProviderTestSupport.config(ProviderKind.OPENAI, server.url("/v1").toString()),
                ProviderTestSupport.caller(waits, timeoutMs), modes);
    }

    OpenAiProvider provider() {
        return provider(5000);
    }

    static String completion(String content, String finish, String refusal) {
        ObjectNode root = ProviderTestSupport.JSON.createObjectNode();
        root.put("id", "chatcmpl-1").put("object", "chat.completion").put("model", "gpt-test");
        ObjectNode c = root.putArray("choices").addObject();
        c.put("index", 0);
        ObjectNode m = c.putObject("message").put("role", "assistant");
        if (content == null) {
            m.putNull("content");
        } else {
            m.put("content", content);
        }
        if (refusal == null) {
            m.putNull("refusal");
        } else {
            m.put("refusal", refusal);
        }
        c.put("finish_reason", finish);
        root.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20).put("total_tokens", 120);
        return root.toString();
    }

    static String error(String message, String type, String param, String code) {
        ObjectNode root = ProviderTestSupport.JSON.createObjectNode();
        ObjectNode e = root.putObject("error").put("message", message).put("type", type);
        if (param == null) {
            e.putNull("param");
        } else {
            e.put("param", param);
        }
        if (code == null) {
            e.putNull("code");
        } else {
            e.put("code", code);
        }
        return root.toString();
    }

    @Test
    void happyPathSendsStrictJsonSchemaAndBearerKey() throws Exception {
        server.enqueue(json(200, completion(ProviderTestSupport.emptyFindings(), "stop", null)));
        ProviderReply reply = provider().complete(ProviderTestSupport.request(), CancelToken.none());
        assertEquals("{\"findings\":[]}", reply.json());
        assertEquals(OutputMode.JSON_SCHEMA, reply.mode());
        assertEquals(120, reply.usage().total());

        RecordedRequest req = server.takeRequest();
        assertEquals("POST", req.getMethod());
        assertEquals("/v1/chat/completions", req.getUrl().encodedPath());
        assertEquals("Bearer " + KEY, req.getHeaders().get("Authorization"));
        ObjectNode body = ProviderTestSupport.parse(req.getBody().utf8());
        assertEquals("gpt-test", body.path("model").asText());
        assertFalse(body.path("stream").asBoolean());
        assertEquals("system", body.path("messages").path(0).path("role").asText());
        assertEquals("user", body.path("messages").path(1).path("role").asText());
        assertEquals("json_schema", body.path("response_format").path("type").asText());
        assertTrue(body.path("response_format").path("json_schema").path("strict").asBoolean());
        assertEquals(OutputContract.SCHEMA_NAME, body.path("response_format").path("json_schema").path("name").asText());
        assertEquals(OutputContract.schema(), body.path("response_format").path("json_schema").path("schema"));
        assertEquals(2048, body.path("max_tokens").asInt());
    }

    @Test
    void jsonSchemaRejectedFallsBackToJsonObjectThenPlainTextAndRemembers() throws Exception {
        server.enqueue(json(400, error("Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.",
                "invalid_request_error", "response_format", null)));
        server.enqueue(json(400, error("response_format json_object is not supported", "invalid_request_error",
                "response_format", null)));
        server.enqueue(json(200, completion("Sure! Here are the findings:\n```json\n{\"findings\": []}\n```\nHope it helps.",
                "stop", null)));
        ProviderReply reply = provider().complete(ProviderTestSupport.request(), CancelToken.none());
        assertEquals("{\"findings\": []}", reply.json());
        assertEquals(OutputMode.PLAIN, reply.mode());
        assertEquals("json_schema", ProviderTestSupport.parse(server.takeRequest().getBody().utf8())
                .path("response_format").path("type").asText());
        assertEquals("json_object", ProviderTestSupport.parse(server.takeRequest().getBody().utf8())
                .path("response_format").path("type").asText());
        assertTrue(ProviderTestSupport.parse(server.takeRequest().getBody().utf8()).path("response_format").isMissingNode());
        assertTrue(waits.waits.isEmpty(), "a 400 is not a retry");

        // remembered per (base URL, model): the next call goes straight to plain text
        server.enqueue(json(200, completion("{\"findings\":[]}", "stop", null)));
        provider().complete(ProviderTestSupport.request(), CancelToken.none());
        assertTrue(ProviderTestSupport.parse(server.takeRequest().getBody().utf8()).path("response_format").isMissingNode());
        assertEquals(OutputMode.PLAIN, modes.get(server.url("/v1").toString().replaceAll("/$", ""), "gpt-test"));
    }

    @Test
    void aFourHundredAboutSomethingElseIsNotAFallback() {
        server.enqueue(json(400, error("'messages' is too long", "invalid_request_error", "messages", null)));
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider().complete(ProviderTestSupport.request(), CancelToken.none()));
        assertEquals(Failure.BAD_REQUEST, e.failure());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void tooManyRequestsHonoursRetryAfter() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "7")
                .setHeader("Content-Type", "application/json")
                .body(error("Rate limit reached for gpt-test", "requests", null, "rate_limit_exceeded")).build());
        server.enqueue(json(200, completion(ProviderTestSupport.emptyFindings(), "stop", null)));
        provider().complete(ProviderTestSupport.request(), CancelToken.none());
        assertEquals(List.of(7000L), waits.waits);
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void retryAfterMsWinsOverRetryAfter() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("retry-after-ms", "1250")
                .setHeader("Retry-After", "2").body("{}").build());
        server.enqueue(json(200, completion(ProviderTestSupport.emptyFindings(), "stop", null)));
        provider().complete(ProviderTestSupport.request(), CancelToken.none());
        assertEquals(List.of(1250L), waits.waits);
    }

    @Test
    void serverErrorsAreRetriedWithExponentialBackoffAtMostTwice() throws Exception {
        server.enqueue(json(500, error("The server had an error", "server_error", null, null)));
        server.enqueue(json(503, error("overloaded", "server_error", null, null)));
        server.enqueue(json(200, completion(ProviderTestSupport.emptyFindings(), "stop", null)));
        provider().complete(ProviderTestSupport.request(), CancelToken.none());
        assertEquals(List.of(1000L, 2000L), waits.waits, "base 1 s doubling; jitter factor 1.0 in this test");

        server.enqueue(json(500, "{}"));
        server.enqueue(json(500, "{}"));
        server.enqueue(json(500, "{}"));
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider().complete(ProviderTestSupport.request(), CancelToken.none()));
        assertEquals(Failure.SERVER_ERROR, e.failure());
        assertEquals(6, server.getRequestCount(), "3 + 3 attempts: never more than 2 retries");
    }

    @Test
    void insufficientQuotaIsNeverRetried() {
        server.enqueue(json(429, error("You exceeded your current quota, please check your plan and billing details.",
                "insufficient_quota", null, "insufficient_quota")));
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider().complete(ProviderTestSupport.request(), CancelToken.none()));
        assertEquals(Failure.QUOTA, e.failure());
        assertEquals(1, server.getRequestCount());
        assertTrue(waits.waits.isEmpty());
    }

    @Test
    void unauthorizedIsNotRetried() {
        server.enqueue(json(401, error("Incorrect API key provided: " + KEY + ".", "invalid_request_error", null,
                "invalid_api_key")));
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider().complete(ProviderTestSupport.request(), CancelToken.none()));
        assertEquals(Failure.AUTH, e.failure());
        assertFalse(e.getMessage().contains(KEY), "the echoed key is masked: " + e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void timeoutFailsWithoutWaitingForever() {
        server.enqueue(new MockResponse.Builder().headersDelay(3, TimeUnit.SECONDS)
                .body(completion(ProviderTestSupport.emptyFindings(), "stop", null)).build());
        long t0 = System.nanoTime();
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider(300).complete(ProviderTestSupport.request(), CancelToken.none()));
        assertEquals(Failure.TIMEOUT, e.failure());
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 2500, "gave up at the timeout");
        assertEquals(1, server.getRequestCount(), "a timeout is not retried");
    }

    @Test
    void finishReasonLengthIsTruncation() {
        server.enqueue(json(200, completion("{\"findings\":[{\"rule\":\"x\",\"message\":\"cut", "length", null)));
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider().complete(ProviderTestSupport.request(), CancelToken.none()));
        assertEquals(Failure.TRUNCATED, e.failure());
    }

    @Test
    void refusalIsAFailure() {
        server.enqueue(json(200, completion(null, "stop", "I'm sorry, I can't help with that.")));
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider().complete(ProviderTestSupport.request(), CancelToken.none()));
        assertEquals(Failure.REFUSAL, e.failure());
        assertTrue(e.getMessage().contains("can't help"));
    }

    @Test
    void contentFilterIsARefusal() {
        server.enqueue(json(200, completion(null, "content_filter", null)));
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider().complete(ProviderTestSupport.request(), CancelToken.none()));
        assertEquals(Failure.REFUSAL, e.failure());
    }

    @Test
    void malformedAndTruncatedJsonAreRejected() {
        server.enqueue(json(200, "this is not json at all"));
        assertEquals(Failure.MALFORMED_OUTPUT, assertThrows(ProviderException.class,
                () -> provider().complete(ProviderTestSupport.request(), CancelToken.none())).failure());
        server.enqueue(json(200, completion("{\"findings\": [ {\"rule\": \"a\", \"message\": \"b\"", "stop", null)));
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider().complete(ProviderTestSupport.request(), CancelToken.none()));
        assertEquals(Failure.MALFORMED_OUTPUT, e.failure());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        server.enqueue(json(200, "{\"id\":\"x\",\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"{\\\"find"));
        assertEquals(Failure.MALFORMED_OUTPUT, assertThrows(ProviderException.class,
                () -> provider().complete(ProviderTestSupport.request(), CancelToken.none())).failure());
    }

    @Test
    void errorObjectWithStatus200IsAFailure() {
        server.enqueue(json(200, "{\"error\":{\"message\":\"Provider returned error\",\"code\":502}}"));
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider().complete(ProviderTestSupport.request(), CancelToken.none()));
        assertEquals(Failure.BAD_REQUEST, e.failure());
    }

    @Test
    void ioErrorIsRetried() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .onRequestStart(new mockwebserver3.SocketEffect.CloseSocket(true, true, true)).build());
        server.enqueue(json(200, completion(ProviderTestSupport.emptyFindings(), "stop", null)));
        provider().complete(ProviderTestSupport.request(), CancelToken.none());
        assertEquals(0, waits.waits.size(), "a dropped connection is retried at once, once");
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void cancellationAbortsTheCallInFlight() throws Exception {
        server.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS)
                .body(completion(ProviderTestSupport.emptyFindings(), "stop", null)).build());
        CancelToken token = new CancelToken();
        Thread t = new Thread(() -> {
            try {
                server.takeRequest();
                token.cancel();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        long t0 = System.nanoTime();
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider().complete(ProviderTestSupport.request(), token));
        assertEquals(Failure.CANCELLED, e.failure());
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 4000);
        t.join();
    }
}

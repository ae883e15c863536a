package io.archlens.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.archlens.agent.definition.AgentDefinitions;
import io.archlens.agent.prompt.OutputContract;
import io.archlens.agent.prompt.PromptBuilder;
import io.archlens.agent.provider.OutputModeMemory;
import io.archlens.agent.provider.ProviderException;
import io.archlens.agent.provider.RetryPolicy;
import io.archlens.agent.provider.Sleeper;
import io.archlens.agent.provider.CancelToken;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Shared test scaffolding: runtimes with a recorded sleeper, and responses in each provider's wire format. */
final class AgentTestKit {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String OPENAI_KEY = "sk-test-OPENAIKEY0123456789abcdefXYZ";
    static final String ANTHROPIC_KEY = "sk-ant-api03-ANTHROPICKEY0123456789abcdef";

    private AgentTestKit() {
    }

    /** Records requested waits instead of sleeping (but honours cancellation). */
    static final class RecordingSleeper implements Sleeper {
        final List<Long> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(long millis, CancelToken token) throws ProviderException {
            waits.add(millis);
        }
    }

    /** A settable clock. */
    static final class TestClock extends Clock {
        volatile long millis = Instant.parse("2025-06-01T10:00:00Z").toEpochMilli();

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public long millis() {
            return millis;
        }
    }

    static AgentRuntime runtime(Sleeper sleeper, TestClock clock, List<String> notices) {
        Map<String, String> env = new HashMap<>();
        env.put("OPENAI_API_KEY", OPENAI_KEY);
        env.put("ANTHROPIC_API_KEY", ANTHROPIC_KEY);
        return new AgentRuntime(env::get, null, null, clock, sleeper,
                new RetryPolicy(2, 1000, 20_000, 60_000, () -> 0.5, clock), new OutputModeMemory(), notices::add);
    }

    static Map<String, Object> settingsMap(MockWebServer server, String provider) {
        Map<String, Object> m = new HashMap<>();
        m.put("enabled", true);
        m.put("provider", provider);
        String url = server.url("/").toString();
        m.put("base-url", provider.equals("openai") ? url + "v1" : url.substring(0, url.length() - 1));
        m.put("model", provider.equals("openai") ? "gpt-test" : "claude-test");
        m.put("timeout-ms", 5000);
        return m;
    }

    static AgentService service(MockWebServer server, String provider, RecordingSleeper sleeper, TestClock clock,
            List<String> notices) {
        return service(settingsMap(server, provider), sleeper, clock, notices);
    }

    static AgentService service(Map<String, Object> settings, Sleeper sleeper, TestClock clock,
            List<String> notices) {
        return AgentService.create(AgentSettings.from(settings), AgentDefinitions.load(null),
                runtime(sleeper, clock, notices), new PromptBuilder(() -> "0123456789abcdef01234567"));
    }

    // ---- findings JSON ----

    static ObjectNode finding(String rule, String category, String severity, String message, String quote,
            int lineHint, ObjectNode fix) {
        ObjectNode f = JSON.createObjectNode();
        f.put("rule", rule).put("category", category).put("severity", severity).put("message", message)
                .put("explanation", "Because **" + rule + "** matters.").put("confidence", 0.9);
        f.putObject("anchor").put("quote", quote).put("line_hint", lineHint);
        if (fix == null) {
            f.putNull("fix");
        } else {
            f.set("fix", fix);
        }
        return f;
    }

    static ObjectNode fix(String title, String... searchReplace) {
        ObjectNode fix = JSON.createObjectNode().put("title", title);
        ArrayNode edits = fix.putArray("edits");
        for (int i = 0; i < searchReplace.length; i += 2) {
            edits.addObject().put("search", searchReplace[i]).put("replace", searchReplace[i + 1]);
        }
        return fix;
    }

    static String findingsJson(ObjectNode... findings) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode a = root.putArray("findings");
        for (ObjectNode f : findings) {
            a.add(f);
        }
        return root.toString();
    }

    // ---- OpenAI wire format ----

    static MockResponse openAiContent(String content) {
        return openAi(content, "stop", null);
    }

    static MockResponse openAi(String content, String finishReason, String refusal) {
        return openAi(content, finishReason, refusal, 1200, 300);
    }

    static MockResponse openAi(String content, String finishReason, String refusal, int promptTokens,
            int completionTokens) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-test").put("object", "chat.completion").put("created", 1_700_000_000L)
                .put("model", "gpt-test");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode msg = choice.putObject("message");
        msg.put("role", "assistant");
        if (content == null) {
            msg.putNull("content");
        } else {
            msg.put("content", content);
        }
        if (refusal == null) {
            msg.putNull("refusal");
        } else {
            msg.put("refusal", refusal);
        }
        choice.put("finish_reason", finishReason);
        root.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        return json(200, root.toString());
    }

    static MockResponse openAiError(int code, String type, String param, String errCode, String message) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode e = root.putObject("error");
        e.put("message", message).put("type", type);
        if (param == null) {
            e.putNull("param");
        } else {
            e.put("param", param);
        }
        if (errCode == null) {
            e.putNull("code");
        } else {
            e.put("code", errCode);
        }
        return json(code, root.toString());
    }

    // ---- Anthropic wire format ----

    static MockResponse anthropicTool(String findingsJson) throws Exception {
        ObjectNode root = anthropicBase("tool_use");
        ArrayNode content = root.putArray("content");
        content.addObject().put("type", "text").put("text", "I'll report the findings.");
        ObjectNode tool = content.addObject();
        tool.put("type", "tool_use").put("id", "toolu_01ABC").put("name", OutputContract.TOOL_NAME);
        tool.set("input", JSON.readTree(findingsJson));
        return json(200, root.toString());
    }

    static MockResponse anthropicText(String stopReason, String text) {
        ObjectNode root = anthropicBase(stopReason);
        root.putArray("content").addObject().put("type", "text").put("text", text);
        return json(200, root.toString());
    }

    private static ObjectNode anthropicBase(String stopReason) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "msg_01XYZ").put("type", "message").put("role", "assistant").put("model", "claude-test");
        root.put("stop_reason", stopReason);
        root.putNull("stop_sequence");
        root.putObject("usage").put("input_tokens", 1000).put("output_tokens", 200);
        return root;
    }

    static MockResponse anthropicError(int code, String type, String message) {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "error");
        root.putObject("error").put("type", type).put("message", message);
        return json(code, root.toString());
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    static List<String> lines(String... l) {
        return new ArrayList<>(List.of(l));
    }
}

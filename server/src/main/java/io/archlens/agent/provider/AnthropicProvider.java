package io.archlens.agent.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.archlens.agent.prompt.OutputContract;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Anthropic {@code POST {base}/v1/messages}, non-streaming. The answer is forced through one tool whose
 * {@code input_schema} is the findings schema ({@code tool_choice} names it), so the tool input is the JSON.
 * A {@code stop_reason} other than {@code tool_use} is a failure ({@code max_tokens}: truncated,
 * {@code refusal}: refused).
 */
public final class AnthropicProvider implements Provider {
    public static final String API_VERSION = "2023-06-01";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEFAULT_MAX_TOKENS = 4096;

    private final ProviderConfig config;
    private final HttpCaller http;

    public AnthropicProvider(ProviderConfig config, HttpCaller http) {
        this.config = config;
        this.http = http;
    }

    @Override
    public String endpoint() {
        String base = config.baseUrl();
        return base.endsWith("/v1") ? base + "/messages" : base + "/v1/messages";
    }

    @Override
    public String describe() {
        return "anthropic:" + config.baseUrl() + ":" + config.model();
    }

    @Override
    public ObjectNode requestBody(ProviderRequest r) {
        ObjectNode b = JSON.createObjectNode();
        b.put("model", config.model());
        b.put("max_tokens", r.maxOutputTokens() > 0 ? r.maxOutputTokens() : DEFAULT_MAX_TOKENS);
        if (r.temperature() != null) {
            b.put("temperature", Math.min(1.0, r.temperature()));
        }
        b.put("system", r.system());
        b.putArray("messages").addObject().put("role", "user").put("content", r.user());
        ObjectNode tool = b.putArray("tools").addObject();
        tool.put("name", OutputContract.TOOL_NAME);
        tool.put("description", OutputContract.TOOL_DESCRIPTION);
        tool.set("input_schema", r.schema());
        b.putObject("tool_choice").put("type", "tool").put("name", OutputContract.TOOL_NAME);
        return b;
    }

    @Override
    public ProviderReply complete(ProviderRequest request, CancelToken token) throws ProviderException {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Accept", "application/json");
        h.put("anthropic-version", API_VERSION);
        if (config.hasKey()) {
            h.put("x-api-key", config.apiKey());
        }
        HttpCaller.HttpResult res = http.postJson(endpoint(), h, requestBody(request).toString(), config.apiKey(), token);
        return parse(res.body());
    }

    private ProviderReply parse(String body) throws ProviderException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (Exception e) {
            throw new ProviderException(Failure.MALFORMED_OUTPUT, "the server's answer is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new ProviderException(Failure.MALFORMED_OUTPUT, "the server's answer is not a JSON object");
        }
        if ("error".equals(root.path("type").asText())) {
            throw new ProviderException(Failure.BAD_REQUEST, "the server answered with an error: "
                    + SafeLog.mask(ErrorBodies.message(body), config.apiKey()), 200, body, null);
        }
        String stop = root.path("stop_reason").asText("");
        if (stop.equals("max_tokens")) {
            throw new ProviderException(Failure.TRUNCATED, "the answer was cut off at max_tokens; raise "
                    + "agent.max-output-tokens or review a smaller file");
        }
        if (stop.equals("refusal")) {
            throw new ProviderException(Failure.REFUSAL, "the model refused to review this file");
        }
        if (!stop.equals("tool_use")) {
            throw new ProviderException(Failure.NO_TOOL_CALL, "the model stopped with '" + stop
                    + "' instead of calling " + OutputContract.TOOL_NAME);
        }
        for (JsonNode c : root.path("content")) {
            if ("tool_use".equals(c.path("type").asText()) && OutputContract.TOOL_NAME.equals(c.path("name").asText())) {
                JsonNode input = c.path("input");
                if (!input.isObject()) {
                    throw new ProviderException(Failure.MALFORMED_OUTPUT, "the tool input is not an object");
                }
                JsonNode usage = root.path("usage");
                return new ProviderReply(input.toString(), new Usage(usage.path("input_tokens").asLong(0)
                        + usage.path("cache_read_input_tokens").asLong(0), usage.path("output_tokens").asLong(0)),
                        OutputMode.TOOL);
            }
        }
        throw new ProviderException(Failure.NO_TOOL_CALL, "the answer has no " + OutputContract.TOOL_NAME + " tool call");
    }
}

package io.archlens.agent.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;

/**
 * OpenAI-compatible {@code POST {base}/chat/completions}, non-streaming. Asks for strict structured output
 * ({@code response_format: json_schema}); a server that rejects it with a 400 about {@code response_format}
 * is asked again with {@code json_object}, then with plain text (the first JSON object is extracted), and the
 * mode that worked is remembered per (base URL, model). {@code finish_reason: length}, a refusal and a
 * content filter stop are failures.
 */
public final class OpenAiProvider implements Provider {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProviderConfig config;
    private final HttpCaller http;
    private final OutputModeMemory modes;

    public OpenAiProvider(ProviderConfig config, HttpCaller http, OutputModeMemory modes) {
        this.config = config;
        this.http = http;
        this.modes = modes;
    }

    @Override
    public String endpoint() {
        return config.baseUrl() + "/chat/completions";
    }

    @Override
    public String describe() {
        return "openai:" + config.baseUrl() + ":" + config.model();
    }

    @Override
    public ObjectNode requestBody(ProviderRequest request) {
        return body(request, modes.get(config.baseUrl(), config.model()));
    }

    ObjectNode body(ProviderRequest r, OutputMode mode) {
        ObjectNode b = JSON.createObjectNode();
        b.put("model", config.model());
        var messages = b.putArray("messages");
        String system = r.system();
        if (mode == OutputMode.PLAIN) {
            system = system + "\n\nReply with the JSON object only: no prose, no code fences.";
        }
        messages.addObject().put("role", "system").put("content", system);
        messages.addObject().put("role", "user").put("content", r.user());
        if (r.temperature() != null) {
            b.put("temperature", r.temperature());
        }
        if (r.maxOutputTokens() > 0) {
            b.put(isOpenAiItself() ? "max_completion_tokens" : "max_tokens", r.maxOutputTokens());
        }
        b.put("stream", false);
        if (mode == OutputMode.JSON_SCHEMA) {
            ObjectNode rf = b.putObject("response_format");
            rf.put("type", "json_schema");
            ObjectNode js = rf.putObject("json_schema");
            js.put("name", io.archlens.agent.prompt.OutputContract.SCHEMA_NAME);
            js.put("strict", true);
            js.set("schema", r.schema());
        } else if (mode == OutputMode.JSON_OBJECT) {
            b.putObject("response_format").put("type", "json_object");
        }
        return b;
    }

    private boolean isOpenAiItself() {
        return config.baseUrl().contains("://api.openai.com");
    }

    @Override
    public ProviderReply complete(ProviderRequest request, CancelToken token) throws ProviderException {
        OutputMode mode = modes.get(config.baseUrl(), config.model());
        while (true) {
            String body = body(request, mode).toString();
            HttpCaller.HttpResult res;
            try {
                res = http.postJson(endpoint(), headers(), body, config.apiKey(), token);
            } catch (ProviderException e) {
                OutputMode next = mode.looser();
                if (e.status() == 400 && next != null && ErrorBodies.mentionsResponseFormat(e.body())) {
                    SafeLog.log(Level.INFO, "agent: " + describe() + " rejected response_format " + mode
                            + "; falling back to " + next, config.apiKey());
                    mode = next;
                    modes.put(config.baseUrl(), config.model(), mode);
                    continue;
                }
                throw e;
            }
            ProviderReply reply = parse(res.body(), mode);
            modes.put(config.baseUrl(), config.model(), mode);
            return reply;
        }
    }

    private Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Accept", "application/json");
        if (config.hasKey()) {
            h.put("Authorization", "Bearer " + config.apiKey());
        }
        return h;
    }

    private ProviderReply parse(String body, OutputMode mode) throws ProviderException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (Exception e) {
            throw new ProviderException(Failure.MALFORMED_OUTPUT, "the server's answer is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new ProviderException(Failure.MALFORMED_OUTPUT, "the server's answer is not a JSON object");
        }
        if (root.has("error") && !root.has("choices")) {
            throw new ProviderException(Failure.BAD_REQUEST, "the server answered with an error: "
                    + SafeLog.mask(ErrorBodies.message(body), config.apiKey()), 200, body, null);
        }
        JsonNode choice = root.path("choices").path(0);
        if (choice.isMissingNode()) {
            throw new ProviderException(Failure.MALFORMED_OUTPUT, "the answer has no choices");
        }
        JsonNode message = choice.path("message");
        String refusal = message.path("refusal").isTextual() ? message.path("refusal").asText() : null;
        String finish = choice.path("finish_reason").asText("");
        if (refusal != null && !refusal.isBlank()) {
            throw new ProviderException(Failure.REFUSAL, "the model refused: " + oneLine(refusal));
        }
        if (finish.equals("length")) {
            throw new ProviderException(Failure.TRUNCATED, "the answer was cut off at the output token limit "
                    + "(finish_reason length); raise agent.max-output-tokens or review a smaller file");
        }
        if (finish.equals("content_filter")) {
            throw new ProviderException(Failure.REFUSAL, "the provider's content filter stopped the answer");
        }
        String content = message.path("content").isTextual() ? message.path("content").asText() : null;
        if (content == null || content.isBlank()) {
            throw new ProviderException(Failure.MALFORMED_OUTPUT, "the answer is empty");
        }
        String json = mode == OutputMode.PLAIN ? JsonText.firstObject(content) : strictOrExtract(content);
        if (json == null) {
            throw new ProviderException(Failure.MALFORMED_OUTPUT, "the answer contains no complete JSON object"
                    + (content.trim().startsWith("{") ? " (it looks truncated)" : ""));
        }
        JsonNode usage = root.path("usage");
        Usage u = new Usage(usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0));
        return new ProviderReply(json, u, mode);
    }

    private static String strictOrExtract(String content) {
        try {
            JsonNode n = JSON.readTree(content);
            if (n != null && n.isObject()) {
                return content;
            }
        } catch (Exception e) {
            // some servers ignore response_format and wrap JSON in prose
        }
        return JsonText.firstObject(content);
    }

    static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() > 200 ? t.substring(0, 200) + "..." : t;
    }
}

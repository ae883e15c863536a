package io.archlens.agent;

import io.archlens.agent.definition.AgentDefinitions;
import io.archlens.agent.provider.ProviderKind;
import io.archlens.config.Maps;
import io.archlens.config.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code agent:} settings section (from .archlens.yml or the editor's settings), read leniently: a bad
 * value falls back to its default and is listed in {@link #problems()}.
 *
 * <pre>
 * agent:
 *   enabled: true                 # off by default
 *   provider: openai              # openai (any OpenAI-compatible server) | anthropic
 *   base-url: https://api.openai.com/v1
 *   model: gpt-4o-mini
 *   api-key-env: OPENAI_API_KEY   # the NAME of the environment variable holding the key
 *   name: backend-architecture-expert
 *   triggers: { on-save: true, on-type: false }
 *   debounce-ms: 1500
 *   max-file-bytes: 100000
 *   daily-token-budget: 500000
 * </pre>
 */
public record AgentSettings(
        boolean enabled,
        ProviderKind provider,
        String baseUrl,
        String model,
        String apiKeyEnv,
        String agentName,
        boolean onSave,
        boolean onType,
        long debounceMs,
        long maxFileBytes,
        long dailyTokenBudget,
        long timeoutMs,
        int maxOutputTokens,
        double minConfidence,
        Double temperature,
        int maxConcurrent,
        List<String> problems) {

    public static final long DEFAULT_DEBOUNCE_MS = 1500;
    public static final long DEFAULT_MAX_FILE_BYTES = 100_000;
    public static final long DEFAULT_DAILY_TOKEN_BUDGET = 500_000;
    public static final long DEFAULT_TIMEOUT_MS = 120_000;
    public static final int DEFAULT_MAX_OUTPUT_TOKENS = 4096;
    public static final double DEFAULT_MIN_CONFIDENCE = 0.5;
    public static final int MAX_CONCURRENT = 2;
    /** Only variables named like API keys may be read, so a settings file cannot point the key at another secret. */
    public static final Pattern KEY_ENV = Pattern.compile("[A-Z][A-Z0-9_]*API_KEY");

    public static final AgentSettings DISABLED = from(Map.of());

    public AgentSettings {
        problems = List.copyOf(problems);
    }

    public static AgentSettings from(Settings settings) {
        return from(settings.agent());
    }

    public static AgentSettings from(Map<String, Object> m) {
        List<String> problems = new ArrayList<>();
        Boolean enabled = Maps.bool(m.get("enabled"));
        String providerText = Maps.str(m.get("provider"));
        ProviderKind kind = ProviderKind.parse(providerText).orElseGet(() -> {
            problems.add("agent.provider '" + providerText + "' is not openai or anthropic; using openai");
            return ProviderKind.OPENAI;
        });
        String baseUrl = Maps.str(m.get("base-url"));
        if (baseUrl != null && !baseUrl.matches("(?i)https?://\\S+")) {
            problems.add("agent.base-url must be an http(s) URL; using " + kind.defaultBaseUrl());
            baseUrl = null;
        }
        String keyEnv = Maps.str(m.get("api-key-env"));
        if (keyEnv != null && !KEY_ENV.matcher(keyEnv).matches()) {
            problems.add("agent.api-key-env must name a variable ending in API_KEY (e.g. OPENAI_API_KEY); using "
                    + kind.defaultKeyEnv());
            keyEnv = null;
        }
        String name = Maps.str(m.get("name"));
        Map<String, Object> triggers = Maps.map(m.get("triggers"));
        List<Object> triggerList = Maps.list(m.get("triggers"));
        Boolean onSave = firstBool(triggers.get("on-save"), m.get("on-save"));
        Boolean onType = firstBool(triggers.get("on-type"), m.get("on-type"));
        if (!triggerList.isEmpty()) {
            List<String> t = triggerList.stream().map(o -> String.valueOf(o).toLowerCase(Locale.ROOT)).toList();
            onSave = t.contains("on-save") || t.contains("save");
            onType = t.contains("on-type") || t.contains("type");
        }
        Object temp = m.get("temperature");
        Double temperature = temp instanceof Number n ? Double.valueOf(n.doubleValue()) : null;
        return new AgentSettings(
                Boolean.TRUE.equals(enabled),
                kind,
                baseUrl == null ? kind.defaultBaseUrl() : baseUrl,
                Maps.str(m.get("model")),
                keyEnv == null ? kind.defaultKeyEnv() : keyEnv,
                name == null ? AgentDefinitions.DEFAULT_AGENT : name,
                onSave == null || onSave,
                onType != null && onType,
                positive(m, "debounce-ms", DEFAULT_DEBOUNCE_MS, problems),
                positive(m, "max-file-bytes", DEFAULT_MAX_FILE_BYTES, problems),
                nonNegative(m, "daily-token-budget", DEFAULT_DAILY_TOKEN_BUDGET, problems),
                positive(m, "timeout-ms", DEFAULT_TIMEOUT_MS, problems),
                (int) positive(m, "max-output-tokens", DEFAULT_MAX_OUTPUT_TOKENS, problems),
                m.get("min-confidence") instanceof Number c ? Math.max(0, Math.min(1, c.doubleValue())) : DEFAULT_MIN_CONFIDENCE,
                temperature,
                (int) Math.max(1, Math.min(MAX_CONCURRENT, positive(m, "max-concurrent", MAX_CONCURRENT, problems))),
                problems);
    }

    public AgentSettings withEnabled(boolean on) {
        return new AgentSettings(on, provider, baseUrl, model, apiKeyEnv, agentName, onSave, onType, debounceMs,
                maxFileBytes, dailyTokenBudget, timeoutMs, maxOutputTokens, minConfidence, temperature, maxConcurrent,
                problems);
    }

    public AgentSettings withBaseUrl(String url) {
        String u = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return new AgentSettings(enabled, provider, u, model, apiKeyEnv, agentName, onSave, onType, debounceMs,
                maxFileBytes, dailyTokenBudget, timeoutMs, maxOutputTokens, minConfidence, temperature, maxConcurrent,
                problems);
    }

    public AgentSettings withAgentName(String name) {
        return new AgentSettings(enabled, provider, baseUrl, model, apiKeyEnv, name, onSave, onType, debounceMs,
                maxFileBytes, dailyTokenBudget, timeoutMs, maxOutputTokens, minConfidence, temperature, maxConcurrent,
                problems);
    }

    private static Boolean firstBool(Object a, Object b) {
        Boolean x = Maps.bool(a);
        return x != null ? x : Maps.bool(b);
    }

    private static long positive(Map<String, Object> m, String key, long def, List<String> problems) {
        Object v = m.get(key);
        if (v == null) {
            return def;
        }
        if (v instanceof Number n && n.longValue() > 0) {
            return n.longValue();
        }
        problems.add("agent." + key + " must be a positive number; using " + def);
        return def;
    }

    private static long nonNegative(Map<String, Object> m, String key, long def, List<String> problems) {
        Object v = m.get(key);
        if (v == null) {
            return def;
        }
        if (v instanceof Number n && n.longValue() >= 0) {
            return n.longValue();
        }
        problems.add("agent." + key + " must be a number (0 = no limit); using " + def);
        return def;
    }
}

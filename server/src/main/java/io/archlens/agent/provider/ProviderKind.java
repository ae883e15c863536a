package io.archlens.agent.provider;

import java.util.Locale;
import java.util.Optional;

/** The two wire formats ArchLens speaks. */
public enum ProviderKind {
    /** {@code POST {base}/chat/completions}: OpenAI, Ollama, vLLM, llama.cpp, LM Studio, OpenRouter... */
    OPENAI("openai", "https://api.openai.com/v1", "gpt-4o-mini", "OPENAI_API_KEY"),
    /** {@code POST {base}/v1/messages}. */
    ANTHROPIC("anthropic", "https://api.anthropic.com", "claude-sonnet-4-5", "ANTHROPIC_API_KEY");

    private final String id;
    private final String defaultBaseUrl;
    private final String defaultModel;
    private final String defaultKeyEnv;

    ProviderKind(String id, String defaultBaseUrl, String defaultModel, String defaultKeyEnv) {
        this.id = id;
        this.defaultBaseUrl = defaultBaseUrl;
        this.defaultModel = defaultModel;
        this.defaultKeyEnv = defaultKeyEnv;
    }

    public String id() {
        return id;
    }

    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    public String defaultModel() {
        return defaultModel;
    }

    public String defaultKeyEnv() {
        return defaultKeyEnv;
    }

    public static Optional<ProviderKind> parse(String s) {
        if (s == null) {
            return Optional.of(OPENAI);
        }
        String v = s.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "openai", "openai-compatible", "ollama", "vllm", "llama.cpp", "llamacpp", "lmstudio", "lm-studio",
                    "openrouter" -> Optional.of(OPENAI);
            case "anthropic", "claude" -> Optional.of(ANTHROPIC);
            default -> Optional.empty();
        };
    }
}

package io.archlens.agent.provider;

import java.time.Duration;

/** Where and how to call a provider. {@link #toString()} never shows the key. */
public record ProviderConfig(ProviderKind kind, String baseUrl, String model, String apiKey, Duration timeout) {
    public ProviderConfig {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public boolean hasKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    @Override
    public String toString() {
        return "ProviderConfig[" + kind.id() + ", " + baseUrl + ", " + model + ", key=" + (hasKey() ? "***" : "none") + "]";
    }
}

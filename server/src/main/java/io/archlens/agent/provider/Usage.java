package io.archlens.agent.provider;

/** Tokens a call consumed, as reported by the provider (or estimated when it does not say). */
public record Usage(long inputTokens, long outputTokens) {
    public static final Usage NONE = new Usage(0, 0);

    public long total() {
        return inputTokens + outputTokens;
    }
}

package io.archlens.agent.provider;

/** A successful answer: the JSON text of the findings object, the usage, and how structure was obtained. */
public record ProviderReply(String json, Usage usage, OutputMode mode) {
}

package io.archlens.agent.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One non-streaming completion: system prompt, user message, the JSON schema of the answer, sampling. */
public record ProviderRequest(String system, String user, ObjectNode schema, Double temperature, int maxOutputTokens) {
}

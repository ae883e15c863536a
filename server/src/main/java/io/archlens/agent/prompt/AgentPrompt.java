package io.archlens.agent.prompt;

import io.archlens.agent.redact.Redacted;

/**
 * What is sent for one review: the system prompt (agent prompt + output contract), the user message (context
 * and the redacted file inside a nonce delimiter), the nonce, and {@code cacheMaterial}: the user message with
 * the nonce blanked out, so identical reviews hash identically.
 */
public record AgentPrompt(String system, String user, String nonce, String cacheMaterial, Redacted redacted) {
}

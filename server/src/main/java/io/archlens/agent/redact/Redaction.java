package io.archlens.agent.redact;

import io.archlens.core.TextRange;

/**
 * One secret replaced before sending: where it was in the original text, where its placeholder is in the
 * redacted text, and what kind of secret it looked like (never the value itself).
 */
public record Redaction(int number, String kind, TextRange original, TextRange redacted, String placeholder) {
}

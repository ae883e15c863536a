package io.archlens.code;

import io.archlens.core.TextRange;

/**
 * A configuration value read by the code: an environment variable ({@code env}), a system or framework property
 * ({@code property}). {@code key} is null when it is not a constant; {@code fallback} the default given in code.
 */
public record ConfigRead(String source, String key, String fallback, TextRange range) {
}

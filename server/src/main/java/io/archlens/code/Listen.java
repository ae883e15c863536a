package io.archlens.code;

import io.archlens.core.TextRange;

/**
 * A port the code listens on: {@code port} when it is a literal (or a literal default), {@code key} when it comes
 * from configuration (an environment variable or property name, {@code PORT}), either may be null.
 */
public record Listen(Integer port, String key, TextRange range) {
}

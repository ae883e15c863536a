package io.archlens.syntax.dockerfile;

import io.archlens.core.TextRange;

/**
 * One {@code key=value} pair of ARG, ENV or LABEL (or the legacy {@code ENV key value} form). {@code value} is
 * the unquoted value, null when there is none ({@code ARG NAME}); {@code valueRange} is then null too.
 * {@code range} covers the whole pair as written.
 */
public record KeyValue(String key, TextRange keyRange, String value, TextRange valueRange, TextRange range,
        boolean legacy) {
    public boolean hasValue() {
        return value != null;
    }
}

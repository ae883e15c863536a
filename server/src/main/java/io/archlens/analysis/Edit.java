package io.archlens.analysis;

import io.archlens.core.TextRange;

/** Replace the text in {@code range} with {@code newText}. */
public record Edit(TextRange range, String newText) {
    public static Edit insert(int offset, String text) {
        return new Edit(TextRange.empty(offset), text);
    }

    public static Edit delete(TextRange range) {
        return new Edit(range, "");
    }

    public static Edit replace(TextRange range, String text) {
        return new Edit(range, text);
    }
}

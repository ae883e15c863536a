package io.archlens.analysis;

import java.util.List;

/**
 * A mechanical correction. {@code safe} fixes keep behaviour the author intended and may be applied by
 * fix-all; unsafe ones change behaviour and are only offered one at a time.
 */
public record Fix(String title, List<Edit> edits, boolean safe) {
    public Fix {
        edits = List.copyOf(edits);
    }

    public static Fix safe(String title, Edit... edits) {
        return new Fix(title, List.of(edits), true);
    }

    public static Fix unsafe(String title, Edit... edits) {
        return new Fix(title, List.of(edits), false);
    }
}

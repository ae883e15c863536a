package io.archlens.syntax.yaml;

import io.archlens.core.TextRange;
import java.util.List;

/** A sequence; {@code flow} when written inline as {@code [a, b]}. */
public record YSeq(List<YNode> items, boolean flow, String tag, TextRange range) implements YNode {
    public YSeq {
        items = List.copyOf(items);
    }

    public int size() {
        return items.size();
    }
}

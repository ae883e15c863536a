package io.archlens.syntax.yaml;

import io.archlens.core.TextRange;
import java.util.List;

/** A mapping in source order. With duplicate keys (reported by the parser), lookups return the last one. */
public record YMap(List<YEntry> entries, boolean flow, String tag, TextRange range) implements YNode {
    public YMap {
        entries = List.copyOf(entries);
    }

    public YEntry entry(String key) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            YEntry e = entries.get(i);
            if (key.equals(e.keyText())) {
                return e;
            }
        }
        return null;
    }

    public YNode get(String key) {
        YEntry e = entry(key);
        return e == null ? null : e.value();
    }

    public String getText(String key) {
        YNode n = get(key);
        return n == null ? null : n.text();
    }

    public boolean has(String key) {
        return entry(key) != null;
    }
}

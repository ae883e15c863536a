package io.archlens.syntax.yaml;

import io.archlens.core.TextRange;
import java.util.List;

/** A mapping in source order. With duplicate keys (reported by the parser), lookups return the last one. */
public record YMap(List<YEntry> entries, boolean flow, String tag, TextRange range, java.util.Map<String, YEntry> index)
        implements YNode {
    /** Mappings with more entries than this get a hash index (a spec's paths and schemas; rules look up keys often). */
    private static final int INDEX_FROM = 16;

    public YMap {
        entries = List.copyOf(entries);
        index = entries.size() > INDEX_FROM ? index(entries) : null;
    }

    public YMap(List<YEntry> entries, boolean flow, String tag, TextRange range) {
        this(entries, flow, tag, range, null);
    }

    private static java.util.Map<String, YEntry> index(List<YEntry> entries) {
        java.util.Map<String, YEntry> m = new java.util.HashMap<>(entries.size() * 2);
        for (YEntry e : entries) {
            String k = e.keyText();
            if (k != null) {
                m.put(k, e); // the last of duplicates wins, as in the scan
            }
        }
        return m;
    }

    public YEntry entry(String key) {
        if (index != null) {
            return index.get(key);
        }
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

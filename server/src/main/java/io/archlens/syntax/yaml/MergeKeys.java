package io.archlens.syntax.yaml;

/**
 * Lookups that honour YAML merge keys ({@code <<: *base}, {@code <<: [*a, *b]}), as Compose files use them
 * for shared service settings. Keys written in the mapping itself win over merged ones; among several
 * merged mappings the first one that has the key wins.
 */
public final class MergeKeys {
    private static final int MAX_DEPTH = 16;

    private MergeKeys() {
    }

    /** The entry for {@code key}, own or merged; null when absent. */
    public static YEntry entry(YMap map, String key) {
        return entry(map, key, 0);
    }

    public static YNode get(YMap map, String key) {
        YEntry e = entry(map, key);
        return e == null ? null : e.value();
    }

    /**
     * Every entry of {@code map} with the merged ones ({@code environment: {<<: *common, EXTRA: 1}}), in order: own
     * entries first, then merged ones whose key is not taken yet (the first merged mapping wins); no {@code <<}.
     */
    public static java.util.List<YEntry> entries(YMap map) {
        java.util.List<YEntry> out = new java.util.ArrayList<>();
        collect(map, out, new java.util.HashSet<>(), 0);
        return out;
    }

    private static void collect(YMap map, java.util.List<YEntry> out, java.util.Set<String> seen, int depth) {
        if (map == null || depth > MAX_DEPTH) {
            return;
        }
        for (YEntry e : map.entries()) {
            if (e.keyText() != null && !"<<".equals(e.keyText()) && seen.add(e.keyText().strip())) {
                out.add(e);
            }
        }
        for (YEntry e : map.entries()) {
            if ("<<".equals(e.keyText())) {
                if (e.value() instanceof YMap m) {
                    collect(m, out, seen, depth + 1);
                } else if (e.value() instanceof YSeq s) {
                    for (YNode item : s.items()) {
                        if (item instanceof YMap m) {
                            collect(m, out, seen, depth + 1);
                        }
                    }
                }
            }
        }
    }

    /** True when the entry for {@code key} is not written in {@code map} itself but comes through {@code <<}. */
    public static boolean isMerged(YMap map, String key) {
        return map.entry(key) == null && entry(map, key) != null;
    }

    private static YEntry entry(YMap map, String key, int depth) {
        if (map == null || depth > MAX_DEPTH) {
            return null;
        }
        YEntry own = map.entry(key);
        if (own != null) {
            return own;
        }
        for (YEntry e : map.entries()) {
            if (!"<<".equals(e.keyText())) {
                continue;
            }
            YNode v = e.value();
            if (v instanceof YMap m) {
                YEntry found = entry(m, key, depth + 1);
                if (found != null) {
                    return found;
                }
            } else if (v instanceof YSeq s) {
                for (YNode item : s.items()) {
                    if (item instanceof YMap m) {
                        YEntry found = entry(m, key, depth + 1);
                        if (found != null) {
                            return found;
                        }
                    }
                }
            }
        }
        return null;
    }
}

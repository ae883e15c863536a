package io.archlens.core;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean ...?": edit distance between short names and the closest known one. */
public final class Names {
    private Names() {
    }

    /** Levenshtein distance; inputs longer than 64 characters count as far apart. */
    public static int distance(String a, String b) {
        if (a.length() > 64 || b.length() > 64) {
            return Integer.MAX_VALUE;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** The known name nearest to {@code name} within {@code maxDistance} edits (the first of equals wins). */
    public static Optional<String> closest(String name, Collection<String> known, int maxDistance) {
        String best = null;
        int bestDistance = maxDistance + 1;
        for (String k : known) {
            int d = distance(name, k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }
}

package io.archlens.testing;

import java.util.Random;

/** Random one-place edits for the incremental-parse tests: a deletion of up to 5 characters or an insertion. */
public final class RandomEdits {
    private RandomEdits() {
    }

    /** Deletes a few characters at a random place (half the time) or inserts one of {@code inserts}. */
    public static String apply(String text, Random rnd, String[] inserts) {
        int at = rnd.nextInt(text.length() + 1);
        if (at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at))) {
            at--;
        }
        if (rnd.nextBoolean() && text.length() > 10) {
            int end = Math.min(text.length(), at + rnd.nextInt(6));
            if (end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
                end++;
            }
            return text.substring(0, at) + text.substring(end);
        }
        return text.substring(0, at) + inserts[rnd.nextInt(inserts.length)] + text.substring(at);
    }
}

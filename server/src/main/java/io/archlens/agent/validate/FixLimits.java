package io.archlens.agent.validate;

import io.archlens.analysis.Edit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an agent fix may not do, whatever the model says: remove more than a small part of the file, replace
 * (nearly) all of it, leave it empty or with one line, write invisible or control characters, or write a
 * placeholder instead of real content ({@code ...}, "rest of the file unchanged", {@code <REDACTED_1>},
 * {@code <your-password>}). A fix is a small, reviewable change; anything larger is a rewrite the user should
 * do with the explanation in hand.
 */
final class FixLimits {
    /** A fix may remove at most this share of the file's characters or non-blank lines... */
    static final double MAX_REMOVED_SHARE = 0.2;
    /** ...but small files may always lose this many characters... */
    static final int FREE_CHARS = 160;
    /** ...and this many non-blank lines. */
    static final int FREE_LINES = 3;
    /** A fix that rewrites this share of a file of at least two non-blank lines replaces the whole file. */
    static final double WHOLE_FILE_SHARE = 0.8;

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t\\n\\r]]|[\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF]");
    private static final List<Pattern> PLACEHOLDERS = List.of(
            Pattern.compile("\\.\\.\\.|\\u2026"),
            Pattern.compile("(?i)redacted"),
            Pattern.compile("(?i)<\\s*(?:your|insert|enter|replace|placeholder|secret|password|passwd|token|api[-_ ]?key|value|fill)[^<>\\n]{0,40}>"),
            Pattern.compile("(?i)\\b(?:rest|remainder) of (?:the )?(?:file|config|configuration|content)\\b"),
            Pattern.compile("(?i)\\b(?:unchanged|omitted for brevity|same as (?:before|above))\\b"),
            Pattern.compile("(?i)\\b(?:your|change)[-_ ]?[a-z_]*[-_ ]?here\\b|\\bchange[-_ ]?me\\b"));

    private FixLimits() {
    }

    /**
     * Why the fix is refused, or null when it stays within the limits. {@code edits} are sorted, do not overlap
     * and apply to {@code original}, giving {@code fixed}.
     */
    static String refusal(String original, String fixed, List<Edit> edits) {
        for (Edit e : edits) {
            String before = original.substring(e.range().start(), e.range().end());
            if (CONTROL.matcher(e.newText()).find() && !CONTROL.matcher(before).find()) {
                return "the replacement contains control or invisible characters";
            }
            for (Pattern p : PLACEHOLDERS) {
                if (count(p, e.newText()) > count(p, before)) {
                    return "the replacement contains placeholder text instead of content";
                }
            }
        }
        int linesBefore = nonBlankLines(original);
        int linesAfter = nonBlankLines(fixed);
        if (linesBefore > 0 && linesAfter == 0) {
            return "it deletes the whole file";
        }
        if (linesBefore >= 3 && linesAfter <= 1) {
            return "it deletes all but one line of the file";
        }
        if (linesBefore - linesAfter > Math.max(FREE_LINES, linesBefore * MAX_REMOVED_SHARE)) {
            return "it removes " + (linesBefore - linesAfter) + " of " + linesBefore + " lines";
        }
        long removed = removedChars(original, edits);
        int size = original.strip().length();
        if (linesBefore >= 2 && removed >= size * WHOLE_FILE_SHARE) {
            return "it replaces the whole file";
        }
        if (removed > Math.max(FREE_CHARS, original.length() * MAX_REMOVED_SHARE)) {
            return "it rewrites " + removed + " of " + original.length() + " characters";
        }
        return null;
    }

    /** Characters of the original that the edits remove or rewrite (text an edit keeps at its ends does not count). */
    static long removedChars(String original, List<Edit> edits) {
        long n = 0;
        for (Edit e : edits) {
            String before = original.substring(e.range().start(), e.range().end());
            String after = e.newText();
            int prefix = 0;
            int max = Math.min(before.length(), after.length());
            while (prefix < max && before.charAt(prefix) == after.charAt(prefix)) {
                prefix++;
            }
            int suffix = 0;
            while (suffix < max - prefix
                    && before.charAt(before.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
                suffix++;
            }
            n += before.length() - prefix - suffix;
        }
        return n;
    }

    static int nonBlankLines(String text) {
        int n = 0;
        for (String line : text.split("\r\n|\r|\n")) {
            if (!line.isBlank()) {
                n++;
            }
        }
        return n;
    }

    private static int count(Pattern p, String s) {
        int n = 0;
        Matcher m = p.matcher(s);
        while (m.find()) {
            n++;
        }
        return n;
    }
}

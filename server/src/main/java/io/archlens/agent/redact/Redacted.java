package io.archlens.agent.redact;

import io.archlens.core.TextRange;
import java.util.List;

/**
 * A text with its secrets replaced by numbered placeholders, and the offset mapping back to the original.
 * Ranges found in the redacted text (anchors, fix edits) are mapped back with {@link #toOriginal}; an edit
 * that would rewrite a placeholder is detected with {@link #touchesRedaction}.
 */
public final class Redacted {
    private final String original;
    private final String text;
    private final List<Redaction> redactions;

    Redacted(String original, String text, List<Redaction> redactions) {
        this.original = original;
        this.text = text;
        this.redactions = List.copyOf(redactions);
    }

    public static Redacted none(String text) {
        return new Redacted(text, text, List.of());
    }

    public String original() {
        return original;
    }

    /** The text that may be sent. */
    public String text() {
        return text;
    }

    public List<Redaction> redactions() {
        return redactions;
    }

    /** True when the range overlaps a placeholder (an empty range strictly inside one also counts). */
    public boolean touchesRedaction(TextRange r) {
        for (Redaction red : redactions) {
            TextRange p = red.redacted();
            if (r.isEmpty() ? r.start() > p.start() && r.start() < p.end() : r.start() < p.end() && p.start() < r.end()) {
                return true;
            }
        }
        return false;
    }

    /** True when the text contains any placeholder string (e.g. a model's replacement text). */
    public boolean mentionsPlaceholder(String s) {
        if (s == null) {
            return false;
        }
        for (Redaction red : redactions) {
            if (s.contains(red.placeholder())) {
                return true;
            }
        }
        return s.contains(Redactor.PLACEHOLDER_PREFIX);
    }

    /** Maps a range of the redacted text to the original text; a side inside a placeholder snaps outward. */
    public TextRange toOriginal(TextRange r) {
        int s = map(r.start(), false);
        int e = Math.max(s, map(r.end(), true));
        return new TextRange(s, e);
    }

    private int map(int offset, boolean end) {
        int delta = 0;
        for (Redaction red : redactions) {
            TextRange p = red.redacted();
            if (offset <= p.start()) {
                break;
            }
            if (offset < p.end()) {
                return end ? red.original().end() : red.original().start();
            }
            delta = red.original().end() - p.end();
        }
        return Math.min(original.length(), offset + delta);
    }
}

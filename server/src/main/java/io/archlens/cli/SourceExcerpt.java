package io.archlens.cli;

import io.archlens.analysis.Finding;
import io.archlens.core.LineIndex;

/**
 * The source line a report shows under a finding: its first line, a secret's value masked, a long line cut to a
 * window around the range; {@code from}/{@code to} are the range's columns in {@code text}.
 */
record SourceExcerpt(int line, String text, int from, int to) {
    /** Source lines longer than this are shown as a window around the finding. */
    private static final int MAX_LINE = 160;
    /** Rules whose range is a secret's value (not those that only talk about secrets, tokens or credentials). */
    private static final java.util.regex.Pattern VALUE_RULE = java.util.regex.Pattern.compile(
            "(hardcoded|literal|duplicate|example-has|dev-profile)-secret|secret-(value|in-env|build-arg)|literal-secret"
                    + "|secret-key-literal|high-entropy|url-credentials|hardcoded(-registry)?-credentials"
                    + "|credential-in-url");

    static SourceExcerpt of(LineIndex li, Finding f) {
        int line = li.lineOf(f.range().start());
        String text = li.lineText(line);
        int from = Math.min(text.length(), f.range().start() - li.lineStart(line));
        int to = Math.min(text.length(), Math.max(from + 1, f.range().end() - li.lineStart(line)));
        // reports are read by more people than the repository's secrets should be: what the secret detector finds
        // on the line is masked, and the range of a finding about a secret's value (a value on a line of its own)
        char[] masked = null;
        for (io.archlens.secrets.SecretSpan span : io.archlens.secrets.SecretScanner.scan(text, false)) {
            masked = mask(masked == null ? text.toCharArray() : masked, span.start(), span.end());
        }
        if (from < to && VALUE_RULE.matcher(f.ruleId()).find()
                && io.archlens.secrets.SecretValues.mayBeSecret(text.substring(from, to))) {
            masked = mask(masked == null ? text.toCharArray() : masked, from, to);
        }
        if (masked != null) {
            text = new String(masked);
        }
        if (text.length() > MAX_LINE) {
            int shift = Math.max(0, Math.min(from - 20, text.length() - MAX_LINE));
            String prefix = shift > 0 ? "…" : "";
            text = prefix + text.substring(shift, Math.min(text.length(), shift + MAX_LINE))
                    + (shift + MAX_LINE < text.length() ? "…" : "");
            from = from - shift + prefix.length();
            to = Math.min(text.length(), to - shift + prefix.length());
        }
        return new SourceExcerpt(line, text, from, to);
    }

    private static char[] mask(char[] c, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(c.length, to); i++) {
            c[i] = '*';
        }
        return c;
    }

    /** Spaces (tabs kept, so it lines up) up to the range, for a caret line. */
    String pad() {
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < Math.min(from, text.length()); i++) {
            caret.append(text.charAt(i) == '\t' ? '\t' : ' ');
        }
        return caret.toString();
    }

    String carets() {
        return "^".repeat(Math.max(1, to - from));
    }
}

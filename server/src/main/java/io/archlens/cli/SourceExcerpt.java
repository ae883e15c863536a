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
    /** Rules whose range is a secret's value. */
    private static final java.util.regex.Pattern SECRET =
            java.util.regex.Pattern.compile("secret|password|credential|token|private-key|api-key|entropy");

    static SourceExcerpt of(LineIndex li, Finding f) {
        int line = li.lineOf(f.range().start());
        String text = li.lineText(line);
        int from = Math.min(text.length(), f.range().start() - li.lineStart(line));
        int to = Math.min(text.length(), Math.max(from + 1, f.range().end() - li.lineStart(line)));
        if (SECRET.matcher(f.ruleId()).find() && from < to) {
            // reports are read by more people than the repository's secrets should be: the value is masked
            text = text.substring(0, from) + "*".repeat(to - from) + text.substring(to);
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

package io.archlens.syntax.dotenv;

import io.archlens.core.TextRange;

/**
 * One {@code KEY=value} assignment with exact ranges. {@code key} is the text before {@code =} (after an
 * optional {@code export}), trimmed; {@code spaceBefore}/{@code spaceAfter} are the blanks around {@code =}
 * (empty ranges when there are none). {@code valueRange} includes quotes, {@code contentRange} excludes them;
 * {@code value} is the decoded value. {@code quote} is {@code '"'}, {@code '\''}, {@code '`'} or 0.
 * {@code problem} marks a quoting error at {@code problemRange}; the value is then a best effort.
 */
public record DotenvEntry(
        int line,
        int lastLine,
        TextRange lineRange,
        TextRange exportRange,
        String key,
        TextRange keyRange,
        int equalsOffset,
        TextRange spaceBefore,
        TextRange spaceAfter,
        String value,
        TextRange valueRange,
        TextRange contentRange,
        char quote,
        QuoteProblem problem,
        TextRange problemRange) {

    public enum QuoteProblem {
        NONE,
        /** An opening quote with no closing quote (before the next assignment or the end of the file). */
        UNTERMINATED,
        /** Text after the closing quote on the same line (not a comment). */
        TRAILING_TEXT
    }

    public boolean quoted() {
        return quote != 0;
    }

    public boolean multiline() {
        return lastLine > line;
    }

    public boolean exported() {
        return exportRange != null;
    }
}

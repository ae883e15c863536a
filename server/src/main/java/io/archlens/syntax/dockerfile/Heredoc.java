package io.archlens.syntax.dockerfile;

import io.archlens.core.TextRange;

/**
 * A here-document of RUN, COPY or ADD ({@code <<EOF}, {@code <<-EOF}, {@code <<"EOF"}). {@code markerRange}
 * covers the {@code <<EOF} token, {@code bodyRange} the lines between the instruction and the terminator
 * (line breaks included), {@code terminatorRange} the terminator line (null when the heredoc is unterminated:
 * the body then runs to the end of the file).
 */
public record Heredoc(String delimiter, boolean quoted, boolean stripTabs, TextRange markerRange,
        TextRange bodyRange, TextRange terminatorRange) {
    public boolean terminated() {
        return terminatorRange != null;
    }
}

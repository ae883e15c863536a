package io.archlens.core;

/** A zero-based line and a zero-based character offset counted in UTF-16 code units (the LSP default). */
public record Position(int line, int character) implements Comparable<Position> {
    @Override
    public int compareTo(Position o) {
        return line != o.line ? Integer.compare(line, o.line) : Integer.compare(character, o.character);
    }

    /** One-based column for display (CLI output, SARIF): counts UTF-16 code units like the editors do. */
    public int displayColumn() {
        return character + 1;
    }
}

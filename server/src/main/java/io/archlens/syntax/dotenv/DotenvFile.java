package io.archlens.syntax.dotenv;

import java.util.List;

/** A parsed .env file: assignments and invalid lines in source order. */
public record DotenvFile(List<DotenvEntry> entries, List<DotenvInvalidLine> invalidLines) {
    public DotenvFile {
        entries = List.copyOf(entries);
        invalidLines = List.copyOf(invalidLines);
    }
}

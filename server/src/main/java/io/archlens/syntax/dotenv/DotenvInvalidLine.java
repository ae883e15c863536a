package io.archlens.syntax.dotenv;

import io.archlens.core.TextRange;

/** A non-blank, non-comment line that is not an assignment. {@code colon} when it reads {@code KEY: value}. */
public record DotenvInvalidLine(int line, TextRange range, boolean colon) {
}

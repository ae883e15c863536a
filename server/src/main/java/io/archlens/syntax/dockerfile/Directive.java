package io.archlens.syntax.dockerfile;

import io.archlens.core.TextRange;

/** A parser directive at the top of the file ({@code # syntax=...}, {@code # escape=`}, {@code # check=...}). */
public record Directive(String name, String value, TextRange range, TextRange valueRange) {
}

package io.archlens.syntax.dockerfile;

import io.archlens.core.TextRange;

/** A comment line ({@code # ...}), including the ones inside line continuations. */
public record Comment(String text, TextRange range) {
}

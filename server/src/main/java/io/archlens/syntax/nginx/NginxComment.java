package io.archlens.syntax.nginx;

import io.archlens.core.TextRange;

/** A {@code #} comment; {@code range} covers the {@code #} up to the end of the line. */
public record NginxComment(String text, TextRange range) {
}

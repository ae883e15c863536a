package io.archlens.syntax.hcl;

import io.archlens.core.TextRange;

/** A block label (quoted or bare); {@code range} includes the quotes. */
public record HclLabel(String value, TextRange range) {
}

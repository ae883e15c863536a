package io.archlens.syntax.hcl;

import io.archlens.core.TextRange;

/** {@code name = expression}; {@code range} spans the name to the end of the expression. */
public record HclAttribute(String name, TextRange nameRange, HclExpr value, TextRange range) {
}

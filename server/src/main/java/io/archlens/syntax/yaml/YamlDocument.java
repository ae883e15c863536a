package io.archlens.syntax.yaml;

import io.archlens.core.TextRange;

/** One document of a (possibly multi-document) YAML stream. {@code root} is null for an empty document. */
public record YamlDocument(YNode root, TextRange range, int index) {
}

package io.archlens.syntax.yaml;

import java.util.List;

/**
 * A parsed YAML stream: the documents that could be built. {@code complete} is false when a syntax error
 * stopped parsing (documents after the error are missing).
 */
public record YamlFile(List<YamlDocument> documents, boolean complete) {
    public YamlFile {
        documents = List.copyOf(documents);
    }
}

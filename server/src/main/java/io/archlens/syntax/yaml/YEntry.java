package io.archlens.syntax.yaml;

/** One key/value pair of a mapping. Keys are almost always scalars; {@link #keyText()} is null otherwise. */
public record YEntry(YNode key, YNode value) {
    public String keyText() {
        return key.text();
    }
}

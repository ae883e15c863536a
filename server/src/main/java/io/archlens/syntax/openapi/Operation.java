package io.archlens.syntax.openapi;

import io.archlens.core.TextRange;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import java.util.Locale;

/** One operation: path and method keys (with their entries, for ranges), the path item and the operation map. */
public record Operation(String path, YEntry pathEntry, YMap pathItem, String method, YEntry methodEntry, YMap map) {
    /** The method key's range ({@code get:}): where operation-level findings point. */
    public TextRange methodRange() {
        return methodEntry.key().range();
    }

    public YNode get(String key) {
        return map.get(key);
    }

    public String text(String key) {
        return map.getText(key);
    }

    /** {@code GET /orders/{id}}. */
    public String label() {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }

    public YMap responses() {
        return map.get("responses") instanceof YMap m ? m : null;
    }
}

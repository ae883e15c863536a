package io.archlens.syntax.yaml;

import io.archlens.core.TextRange;

/**
 * A YAML node with its exact source range (UTF-16 offsets). Aliases resolve to the anchored node, so the
 * tree is a DAG; alias expansion is bounded by {@link YamlParser}.
 */
public sealed interface YNode permits YMap, YSeq, YScalar {
    TextRange range();

    /** The node's tag when explicit or resolved (e.g. {@code tag:yaml.org,2002:str}); may be null. */
    String tag();

    default YMap asMap() {
        return this instanceof YMap m ? m : null;
    }

    default YSeq asSeq() {
        return this instanceof YSeq s ? s : null;
    }

    default YScalar asScalar() {
        return this instanceof YScalar s ? s : null;
    }

    /** The scalar text, or null when this is not a scalar. */
    default String text() {
        return this instanceof YScalar s ? s.value() : null;
    }

    /** Follows mapping keys; returns null when any step is missing or not a mapping. */
    default YNode at(String... keys) {
        YNode cur = this;
        for (String k : keys) {
            if (!(cur instanceof YMap m)) {
                return null;
            }
            cur = m.get(k);
            if (cur == null) {
                return null;
            }
        }
        return cur;
    }
}

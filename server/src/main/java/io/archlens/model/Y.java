package io.archlens.model;

import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YSeq;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small null-tolerant readers over the YAML model, for extractors. */
final class Y {
    private Y() {
    }

    static YMap map(YNode n) {
        return n instanceof YMap m ? m : null;
    }

    static List<YNode> seq(YNode n) {
        return n instanceof YSeq s ? s.items() : List.of();
    }

    static String str(YNode n) {
        if (n instanceof YScalar s && !s.isNull()) {
            return s.value().strip();
        }
        return null;
    }

    static Integer integer(YNode n) {
        String s = str(n);
        if (s == null) {
            return null;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static YNode at(YNode n, String... keys) {
        return n == null ? null : n.at(keys);
    }

    /** A mapping of scalars as a string map (non-scalar values skipped). */
    static Map<String, String> strings(YNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n instanceof YMap m) {
            for (YEntry e : m.entries()) {
                String v = str(e.value());
                if (e.keyText() != null && v != null) {
                    out.put(e.keyText().strip(), v);
                }
            }
        }
        return out;
    }
}

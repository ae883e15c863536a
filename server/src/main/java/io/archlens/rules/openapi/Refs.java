package io.archlens.rules.openapi;

import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Finds every {@code $ref} in a document, iteratively. YAML aliases make the tree a DAG whose expansion the
 * parser bounds, so no visited set is needed.
 */
final class Refs {
    private Refs() {
    }

    static void forEach(YNode root, BiConsumer<YMap, YScalar> visit) {
        List<YNode> stack = new ArrayList<>();
        stack.add(root);
        while (!stack.isEmpty()) {
            YNode n = stack.remove(stack.size() - 1);
            if (n instanceof YMap m) {
                for (YEntry e : m.entries()) {
                    if ("$ref".equals(e.keyText()) && e.value() instanceof YScalar s) {
                        visit.accept(m, s);
                    } else {
                        stack.add(e.value());
                    }
                }
            } else if (n instanceof YSeq s) {
                stack.addAll(s.items());
            }
        }
    }
}

package io.archlens.syntax.hcl;

import io.archlens.core.TextRange;
import java.util.ArrayList;
import java.util.List;

/** The inside of a file or block: attributes and nested blocks, each list in source order. */
public record HclBody(List<HclAttribute> attributes, List<HclBlock> blocks, TextRange range) {
    public HclBody {
        attributes = List.copyOf(attributes);
        blocks = List.copyOf(blocks);
    }

    /** The last attribute called {@code name} (duplicates are reported by the parser), or null. */
    public HclAttribute attr(String name) {
        for (int i = attributes.size() - 1; i >= 0; i--) {
            if (attributes.get(i).name().equals(name)) {
                return attributes.get(i);
            }
        }
        return null;
    }

    public HclExpr value(String name) {
        HclAttribute a = attr(name);
        return a == null ? null : a.value();
    }

    public boolean has(String name) {
        return attr(name) != null || block(name) != null;
    }

    public List<HclBlock> blocks(String type) {
        List<HclBlock> out = new ArrayList<>();
        for (HclBlock b : blocks) {
            if (b.type().equals(type)) {
                out.add(b);
            }
        }
        return out;
    }

    public HclBlock block(String type) {
        for (HclBlock b : blocks) {
            if (b.type().equals(type)) {
                return b;
            }
        }
        return null;
    }
}

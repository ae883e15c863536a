package io.archlens.syntax.kubernetes;

import io.archlens.core.TextRange;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YSeq;
import java.util.ArrayList;
import java.util.List;

/** One container (or init container) of a pod spec. */
public record Container(YMap map, boolean init) {

    static List<Container> list(YNode n, boolean init) {
        List<Container> out = new ArrayList<>();
        if (n instanceof YSeq s) {
            for (YNode item : s.items()) {
                if (item instanceof YMap m) {
                    out.add(new Container(m, init));
                }
            }
        }
        return out;
    }

    public String name() {
        String n = map.getText("name");
        return n == null ? "?" : n.strip();
    }

    public String image() {
        return map.getText("image");
    }

    /** The container's securityContext mapping, or null. */
    public YMap securityContext() {
        return map.get("securityContext") instanceof YMap m ? m : null;
    }

    /** A node under the container's securityContext, or null. */
    public YNode security(String... path) {
        YMap sc = securityContext();
        return sc == null ? null : sc.at(path);
    }

    /** Where findings about the container as a whole point: its name value, else its first key. */
    public TextRange anchor() {
        if (map.get("name") instanceof YScalar s && !s.range().isEmpty()) {
            return s.range();
        }
        return map.entries().isEmpty() ? map.range() : map.entries().get(0).key().range();
    }

    /** "container 'api'" / "init container 'migrate'" for messages. */
    public String label() {
        return (init ? "init container '" : "container '") + name() + "'";
    }
}

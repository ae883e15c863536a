package io.archlens.syntax.openapi;

import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YSeq;
import io.archlens.syntax.yaml.YamlEdits;
import io.archlens.syntax.yaml.YamlFile;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An OpenAPI 3.x or Swagger 2.0 document: the root mapping, the spec's major version, its operations in
 * source order, and local {@code $ref} resolution. {@code edits} builds fixes in the file's own style (YAML or
 * JSON).
 */
public record OpenApiDoc(YamlFile yaml, YMap root, int major, YEntry versionEntry, List<Operation> operations,
        YamlEdits edits, Map<String, Object> memo) {
    /** Chains of $refs followed before giving up (cycles). */
    public static final int MAX_REF_HOPS = 32;


    public OpenApiDoc {
        operations = List.copyOf(operations);
    }

    public OpenApiDoc(YamlFile yaml, YMap root, int major, YEntry versionEntry, List<Operation> operations,
            YamlEdits edits) {
        this(yaml, root, major, versionEntry, operations, edits, new java.util.concurrent.ConcurrentHashMap<>());
    }

    /** A value derived from the document once for all the rules that ask for it under {@code key}. */
    @SuppressWarnings("unchecked")
    public <T> T memo(String key, java.util.function.Supplier<T> compute) {
        Object v = memo.get(key);
        if (v == null) {
            v = compute.get();
            memo.putIfAbsent(key, v);
        }
        return (T) v;
    }

    /** {@code m.get(key)}; large mappings look keys up through their own hash index ({@link YMap}). */
    public YNode get(YMap m, String key) {
        return m.get(key);
    }

    public boolean swagger2() {
        return major == 2;
    }

    /**
     * The map of a component section: {@code schemas}, {@code responses}, {@code parameters},
     * {@code requestBodies}, {@code headers}, {@code securitySchemes}... For Swagger 2.0 the equivalents
     * ({@code definitions}, {@code securityDefinitions}, top-level {@code parameters}/{@code responses}).
     */
    public YMap section(String name) {
        if (root == null) {
            return null;
        }
        YNode n;
        if (swagger2()) {
            String s2 = switch (name) {
                case "schemas" -> "definitions";
                case "securitySchemes" -> "securityDefinitions";
                default -> name;
            };
            n = root.get(s2);
        } else {
            n = root.at("components", name);
        }
        return n instanceof YMap m ? m : null;
    }

    /** Resolves a local reference ({@code #/components/schemas/Order}); null when it does not resolve. */
    public YNode resolve(String ref) {
        if (root == null || ref == null || !ref.startsWith("#")) {
            return null;
        }
        String ptr = ref.substring(1);
        if (ptr.isEmpty()) {
            return root;
        }
        if (!ptr.startsWith("/")) {
            return null;
        }
        YNode cur = root;
        for (String raw : ptr.substring(1).split("/", -1)) {
            String token = raw;
            if (token.indexOf('%') >= 0) {
                try {
                    token = URLDecoder.decode(token.replace("+", "%2B"), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
            token = token.replace("~1", "/").replace("~0", "~");
            if (cur instanceof YMap m) {
                cur = get(m, token);
            } else if (cur instanceof YSeq s) {
                try {
                    int i = Integer.parseInt(token);
                    cur = i >= 0 && i < s.size() ? s.items().get(i) : null;
                } catch (NumberFormatException e) {
                    return null;
                }
            } else {
                return null;
            }
            if (cur == null) {
                return null;
            }
        }
        return cur;
    }

    /** The node itself, or what its (chain of) local {@code $ref} points to; null when a ref does not resolve. */
    public YNode deref(YNode n) {
        YNode cur = n;
        for (int i = 0; i < MAX_REF_HOPS && cur instanceof YMap m && m.get("$ref") != null; i++) {
            String ref = m.getText("$ref");
            if (ref == null || !ref.startsWith("#")) {
                return cur; // external: left as is
            }
            cur = resolve(ref);
        }
        return cur;
    }

    /** The operation's parameters, path-level ones included (op-level wins by name+in), dereferenced. */
    public List<YMap> parameters(Operation op) {
        List<YMap> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (YNode list : new YNode[] {op.map().get("parameters"), op.pathItem().get("parameters")}) {
            if (!(list instanceof YSeq s)) {
                continue;
            }
            for (YNode p : s.items()) {
                if (deref(p) instanceof YMap pm) {
                    String key = pm.getText("in") + ":" + pm.getText("name");
                    if (!seen.contains(key)) {
                        seen.add(key);
                        out.add(pm);
                    }
                }
            }
        }
        return out;
    }
}

package io.archlens.rules.openapi;

import io.archlens.syntax.openapi.OpenApiDoc;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YSeq;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/** Every mapping of a spec that describes structure, skipping literal values (examples, defaults, enums, x-*). */
final class SchemaMaps {
    private SchemaMaps() {
    }

    /** Keys whose value maps names to definitions. */
    private static final java.util.Set<String> NAMED = java.util.Set.of("properties", "patternProperties",
            "definitions", "schemas", "paths", "responses", "parameters", "securitySchemes", "securityDefinitions",
            "requestBodies", "headers", "links", "callbacks", "content", "encoding", "variables", "webhooks",
            "pathItems", "$defs", "dependentSchemas");

    /** Keys whose value describes the same thing as their map (a parameter's schema, an array's items). */
    private static final java.util.Set<String> INHERIT = java.util.Set.of("schema", "items", "additionalProperties",
            "unevaluatedProperties", "allOf", "anyOf", "oneOf", "not", "content");

    static boolean literal(String key) {
        return key == null || key.equals("example") || key.equals("examples") || key.equals("default")
                || key.equals("enum") || key.equals("const") || key.startsWith("x-");
    }

    /** A mapping of the document as the walk met it: its label, and whether its keys are names. */
    private record Visited(YMap map, String label, boolean names) {
    }

    /** The walk over the whole document, made once for all the rules (a 1 MB spec has tens of thousands of maps). */
    private static List<Visited> visited(OpenApiDoc doc) {
        return doc.memo("schema-maps", () -> {
            List<Visited> out = new ArrayList<>();
            walkAll(doc.root(), out);
            return out;
        });
    }

    /** Every schema-like mapping of the document (name-keyed maps such as properties or paths left out). */
    static void forEach(OpenApiDoc doc, Consumer<YMap> visit) {
        for (Visited v : visited(doc)) {
            if (!v.names()) {
                visit.accept(v.map());
            }
        }
    }

    /** Every mapping, name-keyed ones (properties, paths, component sections) included. */
    static void forEachMap(OpenApiDoc doc, Consumer<YMap> visit) {
        for (Visited v : visited(doc)) {
            visit.accept(v.map());
        }
    }

    /**
     * Every mapping of the spec whose {@code type} is {@code type} (3.1's {@code [type, "null"]} too), in document
     * order, with the key it sits under: schemas in components, parameters, bodies, responses and headers alike.
     */
    static List<Typed> ofType(OpenApiDoc doc, String type) {
        List<Typed> out = new ArrayList<>();
        for (Visited v : visited(doc)) {
            if (!v.names() && type.equals(Oas.type(v.map()))) {
                out.add(new Typed(v.map(), v.label()));
            }
        }
        out.sort(Comparator.comparingInt(t -> t.schema().range().start()));
        return out;
    }

    /** A schema-like mapping (one with a {@code type}) and the key it sits under (property or schema name). */
    record Typed(YMap schema, String key) {
        /** {@code readOnly: true}: only in responses, a client never sends it. */
        boolean readOnly() {
            return "true".equals(schema.getText("readOnly"));
        }
    }

    /** What a child is called in messages: its name, a status code as "response 200", else its map's label. */
    private static String childLabel(boolean names, String key, String label) {
        if (key == null) {
            return label;
        }
        if (names) {
            if (key.contains("/")) {
                return label; // a media type or a path: the schema is the body's
            }
            return RESPONSE_CODE.matcher(key).matches() ? "response " + key : key;
        }
        return INHERIT.contains(key) ? label : key;
    }

    private static final java.util.regex.Pattern RESPONSE_CODE = java.util.regex.Pattern.compile("[1-5]([0-9]{2}|XX|xx)|default");

    private static void walkAll(YNode root, List<Visited> out) {
        walk(root, (m, key, names) -> out.add(new Visited(m, key, names)));
    }

    private interface Visit {
        void accept(YMap m, String label, boolean names);
    }

    private static void walk(YNode root, Visit visit) {
        List<YNode> stack = new ArrayList<>();
        List<Boolean> named = new ArrayList<>(); // true: the keys of this map are names (properties, schemas...)
        List<String> keys = new ArrayList<>();
        stack.add(root);
        named.add(false);
        keys.add(null);
        while (!stack.isEmpty()) {
            YNode n = stack.remove(stack.size() - 1);
            boolean names = named.remove(named.size() - 1);
            String key = keys.remove(keys.size() - 1);
            if (n instanceof YMap m) {
                String label = !names && m.getText("in") != null && m.getText("name") != null
                        ? "parameter " + m.getText("name") : key;
                visit.accept(m, label, names);
                for (YEntry e : m.entries()) {
                    if (names || !literal(e.keyText())) {
                        stack.add(e.value());
                        named.add(!names && NAMED.contains(e.keyText()));
                        keys.add(childLabel(names, e.keyText(), label));
                    }
                }
            } else if (n instanceof YSeq s) {
                for (YNode i : s.items()) {
                    stack.add(i);
                    named.add(false);
                    keys.add(key);
                }
            }
        }
    }
}

package io.archlens.rules.openapi;

import io.archlens.syntax.openapi.OpenApiDoc;
import io.archlens.syntax.openapi.Operation;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YSeq;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/** Shared helpers of the OpenAPI rules: security, request and response schemas, schema walking. */
final class Oas {
    private Oas() {
    }

    /** The security requirements in effect for the operation (its own, else the document's), or null. */
    static YNode security(OpenApiDoc doc, Operation op) {
        YNode s = op.get("security");
        if (s != null) {
            return s;
        }
        return doc.root() == null ? null : doc.root().get("security");
    }

    /** True when the operation needs no credentials: no requirement at all, {@code []}, or an empty {@code {}}. */
    static boolean isPublic(OpenApiDoc doc, Operation op) {
        YNode s = security(doc, op);
        if (!(s instanceof YSeq seq) || seq.items().isEmpty()) {
            return true;
        }
        for (YNode r : seq.items()) {
            if (r instanceof YMap m && m.entries().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Response entries of an operation with their status codes (keys). */
    static List<YEntry> responses(Operation op) {
        YMap r = op.responses();
        return r == null ? List.of() : r.entries();
    }

    static boolean isError(String status) {
        if (status == null) {
            return false;
        }
        String s = status.toUpperCase(Locale.ROOT);
        return s.equals("DEFAULT") || s.startsWith("4") || s.startsWith("5");
    }

    static boolean isSuccess(String status) {
        return status != null && status.startsWith("2");
    }

    /** Schemas of a response (3.x: each media type's schema; 2.0: {@code schema}), dereferenced. */
    static List<YMap> responseSchemas(OpenApiDoc doc, YNode response) {
        List<YMap> out = new ArrayList<>();
        YNode r = doc.deref(response);
        if (!(r instanceof YMap rm)) {
            return out;
        }
        if (doc.swagger2()) {
            if (doc.deref(rm.get("schema")) instanceof YMap s) {
                out.add(s);
            }
            return out;
        }
        if (rm.get("content") instanceof YMap content) {
            for (YEntry mt : content.entries()) {
                if (mt.value() instanceof YMap mtm && doc.deref(mtm.get("schema")) instanceof YMap s) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** The raw (not dereferenced) schema nodes of a response, to tell a shared $ref from an inline schema. */
    static List<YNode> rawResponseSchemas(OpenApiDoc doc, YNode response) {
        List<YNode> out = new ArrayList<>();
        YNode r = doc.deref(response);
        if (!(r instanceof YMap rm)) {
            return out;
        }
        if (doc.swagger2()) {
            if (rm.get("schema") != null) {
                out.add(rm.get("schema"));
            }
            return out;
        }
        if (rm.get("content") instanceof YMap content) {
            for (YEntry mt : content.entries()) {
                if (mt.value() instanceof YMap mtm && mtm.get("schema") != null) {
                    out.add(mtm.get("schema"));
                }
            }
        }
        return out;
    }

    /** Request body schemas: 3.x {@code requestBody.content.*.schema}; 2.0 the {@code in: body} parameter. */
    static List<YMap> requestSchemas(OpenApiDoc doc, Operation op) {
        List<YMap> out = new ArrayList<>();
        if (doc.swagger2()) {
            for (YMap p : doc.parameters(op)) {
                if ("body".equals(p.getText("in")) && doc.deref(p.get("schema")) instanceof YMap s) {
                    out.add(s);
                }
            }
            return out;
        }
        if (doc.deref(op.get("requestBody")) instanceof YMap rb && rb.get("content") instanceof YMap content) {
            for (YEntry mt : content.entries()) {
                if (mt.value() instanceof YMap mtm && doc.deref(mtm.get("schema")) instanceof YMap s) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    static String type(YMap schema) {
        YNode t = schema.get("type");
        if (t instanceof YScalar s) {
            return s.value();
        }
        if (t instanceof YSeq seq) {
            for (YNode i : seq.items()) {
                if (i.text() != null && !i.text().equals("null")) {
                    return i.text();
                }
            }
        }
        return null;
    }

    static boolean isArray(YMap schema) {
        return "array".equals(type(schema)) || type(schema) == null && schema.has("items");
    }

    static boolean isObject(YMap schema) {
        return "object".equals(type(schema)) || type(schema) == null && schema.has("properties");
    }

    /**
     * Visits every object-ish schema reachable from {@code schema} through properties, items, allOf/anyOf/oneOf
     * and additionalProperties (each map once, $refs followed). The visitor gets the schema and, for
     * properties, the property's key entry (null otherwise).
     */
    static void walk(OpenApiDoc doc, YMap schema, BiConsumer<YMap, YEntry> visit) {
        Map<YNode, Boolean> seen = new IdentityHashMap<>();
        List<Object[]> stack = new ArrayList<>();
        stack.add(new Object[] {schema, null});
        int budget = 5000;
        while (!stack.isEmpty() && budget-- > 0) {
            Object[] cur = stack.remove(stack.size() - 1);
            YMap s = (YMap) cur[0];
            if (seen.put(s, Boolean.TRUE) != null) {
                continue;
            }
            visit.accept(s, (YEntry) cur[1]);
            if (s.get("properties") instanceof YMap props) {
                for (int i = props.entries().size() - 1; i >= 0; i--) {
                    YEntry e = props.entries().get(i);
                    if (doc.deref(e.value()) instanceof YMap ps) {
                        stack.add(new Object[] {ps, e});
                    }
                }
            }
            if (doc.deref(s.get("items")) instanceof YMap items) {
                stack.add(new Object[] {items, null});
            }
            if (doc.deref(s.get("additionalProperties")) instanceof YMap ap) {
                stack.add(new Object[] {ap, null});
            }
            for (String k : new String[] {"allOf", "anyOf", "oneOf"}) {
                if (s.get(k) instanceof YSeq seq) {
                    for (YNode n : seq.items()) {
                        if (doc.deref(n) instanceof YMap m) {
                            stack.add(new Object[] {m, null});
                        }
                    }
                }
            }
        }
    }
}

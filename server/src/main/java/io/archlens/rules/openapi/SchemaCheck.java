package io.archlens.rules.openapi;

import io.archlens.syntax.openapi.OpenApiDoc;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YSeq;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A small schema validator for example values: the keywords whose meaning is unambiguous across 2.0 / 3.0 / 3.1. */
final class SchemaCheck {
    private static final int MAX_DEPTH = 24;
    private final OpenApiDoc doc;

    SchemaCheck(OpenApiDoc doc) {
        this.doc = doc;
    }

    static boolean isSchema(YMap m) {
        return m.get("type") instanceof YScalar || m.has("properties") || m.has("items") || m.has("allOf")
                || m.get("enum") instanceof YSeq;
    }

    /** Why {@code v} does not satisfy {@code schema} (a short reason with its location), or null. */
    String problem(YNode v, YMap schema, String at, int depth) {
        if (depth > MAX_DEPTH || !(doc.deref(schema) instanceof YMap s)) {
            return null;
        }
        if (s.get("allOf") instanceof YSeq all) {
            for (YNode part : all.items()) {
                String p = part instanceof YMap pm ? problem(v, pm, at, depth + 1) : null;
                if (p != null) {
                    return p;
                }
            }
        }
        String type = s.get("type") instanceof YScalar t ? t.value() : null;
        boolean nullable = s.get("nullable") instanceof YScalar n && "true".equals(n.value())
                || s.get("x-nullable") instanceof YScalar xn && "true".equals(xn.value())
                || s.get("type") instanceof YSeq ts && ts.items().stream().anyMatch(i -> "null".equals(i.text()));
        if (v instanceof YScalar sc && sc.plain() && (sc.value().equals("null") || sc.value().equals("~"))) {
            boolean enumNull = s.get("enum") instanceof YSeq en && en.items().stream()
                    .anyMatch(i -> i instanceof YScalar is && is.plain() && is.value().equals("null"));
            boolean typed = type != null || s.get("type") instanceof YSeq || s.get("enum") instanceof YSeq;
            return nullable || enumNull || !typed ? null : where(at) + "null is not allowed";
        }
        if (s.get("enum") instanceof YSeq en && v instanceof YScalar sc
                && en.items().stream().noneMatch(i -> i instanceof YScalar is && is.value().equals(sc.value()))) {
            return where(at) + sc.value() + " is not one of the enum values";
        }
        if (type != null) {
            String bad = typeProblem(v, type);
            if (bad != null) {
                return where(at) + bad;
            }
        }
        if (v instanceof YMap obj) {
            return objectProblem(obj, s, at, depth);
        }
        if (v instanceof YSeq arr) {
            Long min = num(s, "minItems");
            Long max = num(s, "maxItems");
            if (min != null && arr.size() < min || max != null && arr.size() > max) {
                return where(at) + arr.size() + " items, outside minItems/maxItems";
            }
            if (s.get("items") instanceof YMap items) {
                for (int i = 0; i < arr.size(); i++) {
                    String p = problem(arr.items().get(i), items, at + "[" + i + "]", depth + 1);
                    if (p != null) {
                        return p;
                    }
                }
            }
            return null;
        }
        return v instanceof YScalar sc ? scalarProblem(sc, s, type, at) : null;
    }

    private String objectProblem(YMap obj, YMap s, String at, int depth) {
        YMap props = s.get("properties") instanceof YMap p ? p : null;
        if (s.get("required") instanceof YSeq req) {
            for (YNode r : req.items()) {
                String name = r.text();
                YNode ps = props == null || name == null ? null : doc.deref(props.get(name));
                boolean oneWay = ps instanceof YMap pm && (pm.has("readOnly") || pm.has("writeOnly"));
                if (name != null && obj.get(name) == null && !oneWay) {
                    return where(at) + "required property " + name + " is missing";
                }
            }
        }
        for (YEntry e : obj.entries()) {
            YNode ps = props == null ? null : props.get(e.keyText());
            if (ps instanceof YMap pm) {
                String p = problem(e.value(), pm, at + "." + e.keyText(), depth + 1);
                if (p != null) {
                    return p;
                }
            } else if (props != null && s.get("additionalProperties") instanceof YScalar ap
                    && "false".equals(ap.value())) {
                return where(at) + "property " + e.keyText() + " is not declared";
            }
        }
        return null;
    }

    private static String scalarProblem(YScalar sc, YMap s, String type, String at) {
        String v = sc.value();
        if ("string".equals(type) || type == null && !sc.plain()) {
            Long min = num(s, "minLength");
            Long max = num(s, "maxLength");
            int len = v.codePointCount(0, v.length());
            if (min != null && len < min || max != null && len > max) {
                return where(at) + "length " + len + " is outside minLength/maxLength";
            }
            if (s.get("pattern") instanceof YScalar p) {
                try {
                    if (!Pattern.compile(p.value()).matcher(v).find()) {
                        return where(at) + "\"" + v + "\" does not match the pattern";
                    }
                } catch (PatternSyntaxException e) {
                    return null; // an ECMA-only pattern: not judged
                }
            }
        }
        if (("integer".equals(type) || "number".equals(type)) && sc.plain()) {
            double d = Double.parseDouble(v);
            Double min = dbl(s, "minimum");
            Double max = dbl(s, "maximum");
            boolean exMin = s.get("exclusiveMinimum") instanceof YScalar x && "true".equals(x.value());
            boolean exMax = s.get("exclusiveMaximum") instanceof YScalar x && "true".equals(x.value());
            Double exMinN = exMin ? null : dbl(s, "exclusiveMinimum");
            Double exMaxN = exMax ? null : dbl(s, "exclusiveMaximum");
            if (min != null && (exMin ? d <= min : d < min) || max != null && (exMax ? d >= max : d > max)
                    || exMinN != null && d <= exMinN || exMaxN != null && d >= exMaxN) {
                return where(at) + v + " is outside the minimum/maximum";
            }
        }
        return null;
    }

    private static String typeProblem(YNode v, String type) {
        boolean ok = switch (type) {
            case "object" -> v instanceof YMap;
            case "array" -> v instanceof YSeq;
            case "string", "integer", "number", "boolean" -> v instanceof YScalar sc && InvalidEnum.fits(sc, type, false);
            case "null" -> v instanceof YScalar sc && sc.plain() && sc.value().equals("null");
            default -> true;
        };
        return ok ? null : kind(v) + " where the schema says " + type;
    }

    private static String kind(YNode v) {
        if (v instanceof YMap) {
            return "an object";
        }
        if (v instanceof YSeq) {
            return "an array";
        }
        YScalar s = (YScalar) v;
        return s.plain() ? s.value().isEmpty() ? "an empty value" : s.value() : "the string \"" + s.value() + "\"";
    }

    private static String where(String at) {
        return at.isEmpty() ? "" : at.substring(at.startsWith(".") ? 1 : 0) + ": ";
    }

    private static Long num(YMap s, String k) {
        return s.get(k) instanceof YScalar sc ? sc.asLong() : null;
    }

    private static Double dbl(YMap s, String k) {
        if (s.get(k) instanceof YScalar sc && sc.plain()) {
            try {
                return Double.parseDouble(sc.value());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}

package io.archlens.syntax.hcl.eval;

import io.archlens.syntax.hcl.HclExpr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The built-in functions configuration values pass through: {@code coalesce}, {@code try}, {@code lookup},
 * {@code merge}, {@code concat}, {@code tostring}/{@code tobool}/{@code tonumber}, {@code lower}/{@code upper},
 * {@code length}, {@code contains}, {@code element}. Any other function is unknown.
 */
final class Functions {
    private Functions() {
    }

    static Value call(String name, List<HclExpr> args, Evaluator ev) {
        switch (name) {
            case "try":
                for (HclExpr a : args) {
                    Value v = ev.eval(a);
                    if (!v.isError()) {
                        return v;
                    }
                }
                return Value.error();
            case "coalesce":
                for (HclExpr a : args) {
                    Value v = ev.eval(a);
                    if (!v.known()) {
                        return Value.unknown();
                    }
                    if (!v.isNull() && !"".equals(v.str())) {
                        return v;
                    }
                }
                return Value.error();
            default:
                break;
        }
        List<Value> vs = new ArrayList<>();
        for (HclExpr a : args) {
            Value v = ev.eval(a);
            if (!v.known()) {
                return Value.unknown();
            }
            vs.add(v);
        }
        return known(name, vs);
    }

    private static Value known(String name, List<Value> vs) {
        switch (name) {
            case "lookup":
                return lookup(vs);
            case "merge":
                return merge(vs);
            case "concat":
                return concat(vs);
            case "tostring":
            case "tobool":
            case "tonumber":
                return vs.size() == 1 ? convert(name, vs.get(0)) : Value.unknown();
            case "lower":
            case "upper":
                if (vs.size() == 1 && vs.get(0).str() != null) {
                    String s = vs.get(0).str();
                    return Value.of(name.equals("lower") ? s.toLowerCase(Locale.ROOT) : s.toUpperCase(Locale.ROOT))
                            .withTrace(vs.get(0).trace());
                }
                return Value.unknown();
            case "length":
                return vs.size() == 1 ? length(vs.get(0)) : Value.unknown();
            case "contains":
                return vs.size() == 2 && vs.get(0).list() != null
                        ? Value.of(vs.get(0).list().stream().anyMatch(x -> x.sameAs(vs.get(1)))) : Value.unknown();
            case "element":
                if (vs.size() == 2 && vs.get(0).list() != null && !vs.get(0).list().isEmpty() && vs.get(1).num() != null) {
                    List<Value> l = vs.get(0).list();
                    return l.get(Math.floorMod(vs.get(1).num().intValue(), l.size()));
                }
                return Value.unknown();
            default:
                return Value.unknown();
        }
    }

    private static Value lookup(List<Value> vs) {
        if (vs.size() < 2 || vs.get(0).map() == null || vs.get(1).str() == null) {
            return Value.unknown();
        }
        Value hit = vs.get(0).map().get(vs.get(1).str());
        if (hit != null) {
            return hit;
        }
        return vs.size() > 2 ? vs.get(2) : Value.error();
    }

    private static Value merge(List<Value> vs) {
        Map<String, Value> out = new LinkedHashMap<>();
        for (Value v : vs) {
            if (v.isNull()) {
                continue;
            }
            if (v.map() == null) {
                return Value.unknown();
            }
            out.putAll(v.map());
        }
        return Value.map(out);
    }

    private static Value concat(List<Value> vs) {
        List<Value> out = new ArrayList<>();
        for (Value v : vs) {
            if (v.list() == null) {
                return Value.unknown();
            }
            out.addAll(v.list());
        }
        return Value.list(out);
    }

    private static Value convert(String name, Value v) {
        if (v.isNull()) {
            return v;
        }
        return switch (name) {
            case "tostring" -> v.str() == null ? Value.error() : Value.of(v.str()).withTrace(v.trace());
            case "tobool" -> v.bool() == null ? Value.error() : Value.of(v.bool()).withTrace(v.trace());
            default -> v.num() == null ? Value.error() : Value.of(v.num()).withTrace(v.trace());
        };
    }

    private static Value length(Value v) {
        if (v.list() != null) {
            return Value.of(v.list().size());
        }
        if (v.map() != null) {
            return Value.of(v.map().size());
        }
        return v.str() != null && !(v.bool() != null) ? Value.of(v.str().length()) : Value.unknown();
    }
}

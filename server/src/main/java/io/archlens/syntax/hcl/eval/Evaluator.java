package io.archlens.syntax.hcl.eval;

import io.archlens.syntax.hcl.HclExpr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates an expression in a {@link ModuleEnv}: literals, templates, tuples and objects, {@code var.x},
 * {@code local.y} (with index and attribute steps), conditionals, {@code !}, {@code &&}, {@code ||}, comparisons,
 * arithmetic and the {@link Functions functions} that decide configuration values. Everything else (resource
 * attributes, data sources, {@code each}, {@code count}, {@code path}, {@code for} expressions, splats) is
 * unknown. Depth-bounded: a deep or self-referencing expression ends as unknown.
 */
final class Evaluator {
    private static final int MAX_DEPTH = 64;
    private final ModuleEnv env;
    private int depth;
    /** Names bound in the expression's scope (a dynamic block's iterator). */
    private Map<String, Value> bindings = Map.of();

    Evaluator(ModuleEnv env) {
        this.env = env;
    }

    /** {@code e} evaluated with {@code scope}'s names bound (a dynamic block's iterator), then as before. */
    Value withBindings(Map<String, Value> scope, HclExpr e) {
        Map<String, Value> before = bindings;
        bindings = scope;
        try {
            return eval(e);
        } finally {
            bindings = before;
        }
    }

    Value eval(HclExpr e) {
        if (e == null) {
            return Value.nullValue();
        }
        if (depth > MAX_DEPTH) {
            return Value.unknown();
        }
        depth++;
        try {
            return evalInner(e);
        } finally {
            depth--;
        }
    }

    private Value evalInner(HclExpr e) {
        if (e instanceof HclExpr.Str s) {
            return s.template() ? Templates.render(s, this) : Value.of(s.value());
        }
        if (e instanceof HclExpr.Num n) {
            return n.value() == null ? Value.unknown() : Value.of(n.value());
        }
        if (e instanceof HclExpr.Bool b) {
            return Value.of(b.value());
        }
        if (e instanceof HclExpr.Null) {
            return Value.nullValue();
        }
        if (e instanceof HclExpr.Tuple t) {
            return tuple(t);
        }
        if (e instanceof HclExpr.Obj o) {
            return object(o);
        }
        if (e instanceof HclExpr.Ref r) {
            return ref(r);
        }
        if (e instanceof HclExpr.Call c) {
            return Functions.call(c.name(), c.args(), this);
        }
        return other((HclExpr.Other) e);
    }

    private Value tuple(HclExpr.Tuple t) {
        List<Value> out = new ArrayList<>();
        for (HclExpr i : t.items()) {
            out.add(eval(i));
        }
        return Value.list(out);
    }

    private Value object(HclExpr.Obj o) {
        Map<String, Value> out = new LinkedHashMap<>();
        for (HclExpr.ObjItem it : o.items()) {
            String key = it.keyName();
            if (key == null) {
                Value k = eval(it.key());
                key = k.known() ? k.str() : null;
            }
            if (key == null) {
                return Value.unknown();
            }
            out.put(key, eval(it.value()));
        }
        return Value.map(out);
    }

    private Value ref(HclExpr.Ref r) {
        List<String> parts = r.parts();
        if (parts.size() < 2) {
            return Value.unknown();
        }
        Value bound = bindings.get(parts.get(0));
        Value v = switch (parts.get(0)) {
            case "var" -> env.var(parts.get(1));
            case "local" -> env.local(parts.get(1));
            default -> bound != null ? step(bound, parts.get(1)) : Value.unknown();
        };
        for (int i = 2; i < parts.size() && v.known(); i++) {
            v = step(v, parts.get(i));
        }
        return v;
    }

    /** One traversal step: {@code name}, {@code [0]}, {@code ["key"]}; {@code [*]} is unknown. */
    private static Value step(Value v, String part) {
        if (part.startsWith("[\"") && part.endsWith("\"]")) {
            return index(v, Value.of(part.substring(2, part.length() - 2)));
        }
        if (part.startsWith("[") && part.endsWith("]")) {
            String n = part.substring(1, part.length() - 1);
            return n.equals("*") ? Value.unknown() : index(v, Value.of(Double.parseDouble(n)));
        }
        return index(v, Value.of(part));
    }

    static Value index(Value v, Value key) {
        if (!v.known() || !key.known()) {
            return Value.unknown();
        }
        Map<String, Value> m = v.map();
        if (m != null && key.str() != null) {
            Value hit = m.get(key.str());
            return hit == null ? Value.error() : hit.withTrace(v.trace());
        }
        List<Value> l = v.list();
        if (l != null && key.num() != null) {
            int i = key.num().intValue();
            return i >= 0 && i < l.size() ? l.get(i).withTrace(v.trace()) : Value.error();
        }
        return Value.error();
    }

    private Value other(HclExpr.Other o) {
        List<HclExpr> p = o.parts();
        String kind = o.kind();
        if (kind.equals("paren") && p.size() == 1) {
            return eval(p.get(0));
        }
        if (kind.equals("conditional") && p.size() == 3) {
            return conditional(p);
        }
        if (kind.equals("index") && p.size() == 2) {
            return index(eval(p.get(0)), eval(p.get(1)));
        }
        if (kind.startsWith("attr ") && p.size() == 1) {
            Value base = eval(p.get(0));
            return base.known() ? step(base, kind.substring(5)) : Value.unknown();
        }
        if (kind.startsWith("unary ") && p.size() == 1) {
            return Operators.unary(kind.charAt(6), eval(p.get(0)));
        }
        if (kind.startsWith("binary ") && p.size() == 2) {
            return Operators.binary(kind.substring(7), p.get(0), p.get(1), this);
        }
        return Value.unknown();
    }

    private Value conditional(List<HclExpr> p) {
        Value c = eval(p.get(0));
        Boolean b = c.known() ? c.bool() : null;
        if (b != null) {
            return eval(b ? p.get(1) : p.get(2)).withTrace(c.trace());
        }
        Value a = eval(p.get(1));
        Value z = eval(p.get(2));
        // both branches agree: the condition does not matter
        return a.sameAs(z) ? a : Value.unknown();
    }
}

package io.archlens.syntax.hcl.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the {@link Evaluator} knows about an expression: a known value (null, bool, number, string, list, map),
 * {@link #unknown() unknown} (a resource attribute, a data source, {@code each.value}, an unsupported
 * function...) or an {@link #error() error} (a missing key; what {@code try} skips). Unknown and error values
 * never decide a finding. {@code trace} lists the places the value passed through, literal first.
 */
public final class Value {
    private enum Special { UNKNOWN, ERROR, NULL }

    private static final Value UNKNOWN = new Value(Special.UNKNOWN, List.of());
    private static final Value ERROR = new Value(Special.ERROR, List.of());
    private static final Value NULL = new Value(Special.NULL, List.of());

    private final Object raw;
    private final List<Loc> trace;

    private Value(Object raw, List<Loc> trace) {
        this.raw = raw;
        this.trace = trace;
    }

    public static Value unknown() {
        return UNKNOWN;
    }

    public static Value error() {
        return ERROR;
    }

    public static Value nullValue() {
        return NULL;
    }

    public static Value of(boolean b) {
        return new Value(b, List.of());
    }

    public static Value of(double d) {
        return new Value(d, List.of());
    }

    public static Value of(String s) {
        return new Value(Objects.requireNonNull(s), List.of());
    }

    public static Value list(List<Value> items) {
        return new Value(Collections.unmodifiableList(new ArrayList<>(items)), List.of());
    }

    public static Value map(Map<String, Value> entries) {
        return new Value(Collections.unmodifiableMap(new LinkedHashMap<>(entries)), List.of());
    }

    /** This value having also passed through {@code loc} (appended to the trace). */
    public Value via(Loc loc) {
        if (raw instanceof Special s && s != Special.NULL) {
            return this;
        }
        List<Loc> t = new ArrayList<>(trace);
        t.add(loc);
        return new Value(raw, List.copyOf(t));
    }

    /** This value with {@code other}'s trace in front of its own (a value picked by a known condition). */
    Value withTrace(List<Loc> before) {
        if (before.isEmpty() || raw instanceof Special s && s != Special.NULL) {
            return this;
        }
        List<Loc> t = new ArrayList<>(before);
        t.addAll(trace);
        return new Value(raw, List.copyOf(t));
    }

    public List<Loc> trace() {
        return trace;
    }

    /** Known: not unknown and not an error (null is known). */
    public boolean known() {
        return raw != Special.UNKNOWN && raw != Special.ERROR;
    }

    public boolean isUnknown() {
        return raw == Special.UNKNOWN;
    }

    public boolean isError() {
        return raw == Special.ERROR;
    }

    public boolean isNull() {
        return raw == Special.NULL;
    }

    /** A bool, or the strings "true"/"false" (Terraform converts them); else null. */
    public Boolean bool() {
        if (raw instanceof Boolean b) {
            return b;
        }
        if ("true".equals(raw)) {
            return Boolean.TRUE;
        }
        if ("false".equals(raw)) {
            return Boolean.FALSE;
        }
        return null;
    }

    /** A number, or a string holding one; else null. */
    public Double num() {
        if (raw instanceof Double d) {
            return d;
        }
        if (raw instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A string, or a number or bool as Terraform writes it; else null. */
    public String str() {
        if (raw instanceof String s) {
            return s;
        }
        if (raw instanceof Boolean b) {
            return b.toString();
        }
        if (raw instanceof Double d) {
            return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString(d.longValue()) : d.toString();
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    public List<Value> list() {
        return raw instanceof List<?> l ? (List<Value>) l : null;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Value> map() {
        return raw instanceof Map<?, ?> m ? (Map<String, Value>) m : null;
    }

    /** Same known content (traces ignored). */
    public boolean sameAs(Value o) {
        return known() && o.known() && Objects.equals(plain(), o.plain());
    }

    /** The content as plain Java values (Boolean, Double, String, List, Map, null); for tests and comparisons. */
    public Object plain() {
        if (raw == Special.NULL) {
            return null;
        }
        if (raw instanceof Special) {
            return raw.toString();
        }
        List<Value> l = list();
        if (l != null) {
            List<Object> out = new ArrayList<>();
            for (Value v : l) {
                out.add(v.plain());
            }
            return out;
        }
        Map<String, Value> m = map();
        if (m != null) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, v.plain()));
            return out;
        }
        return raw;
    }

    @Override
    public String toString() {
        return String.valueOf(plain());
    }
}

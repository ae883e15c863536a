package io.archlens.syntax.python;

import io.archlens.code.StringBuild;
import io.archlens.code.StringBuild.How;
import io.archlens.core.TextRange;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a string value was built within its function: a literal, concatenation ({@code +}, {@code +=}), a format
 * ({@code %}, {@code .format}), an f-string (template), a parameter, or unknown. A name is followed to its last
 * assignment above the use in the same function (or module); names in UPPER_CASE, numbers and values converted to
 * numbers ({@code int(x)}) count as constants.
 */
public final class PyStrings {
    private static final Set<String> NUMERIC = Set.of("int", "float", "len", "bool", "abs", "round", "uuid.uuid4");
    private final CodeTree tree;
    /** Assignments (plain and augmented) to simple names, keyed by scope start and name, in document order. */
    private final Map<String, List<SyntaxNode>> assignments = new HashMap<>();

    public PyStrings(CodeTree tree) {
        this.tree = tree;
        for (String type : List.of("assignment", "augmented_assignment")) {
            for (SyntaxNode a : tree.all(type)) {
                SyntaxNode left = a.field("left");
                if (left != null && left.is("identifier")) {
                    assignments.computeIfAbsent(key(a, left.text()), k -> new ArrayList<>()).add(a);
                }
            }
        }
        assignments.values().forEach(l -> l.sort((x, y) -> Integer.compare(x.start(), y.start())));
    }

    private static String key(SyntaxNode n, String name) {
        SyntaxNode f = Py.function(n);
        return (f == null ? -1 : f.start()) + ":" + name;
    }

    /** The value last assigned to a name above {@code use} in its scope (plain assignment), or null. */
    public SyntaxNode valueOf(SyntaxNode use, String name) {
        List<SyntaxNode> as = assignments.get(key(use, name));
        if (as == null) {
            return null;
        }
        SyntaxNode found = null;
        for (SyntaxNode a : as) {
            if (a.start() < use.start() && a.is("assignment") && !a.contains(use)) {
                found = a.field("right");
            }
        }
        return found;
    }

    /** Every value assigned to a name above {@code use} in its scope (any branch), in document order. */
    public List<SyntaxNode> valuesOf(SyntaxNode use, String name) {
        List<SyntaxNode> out = new ArrayList<>();
        for (SyntaxNode a : assignments.getOrDefault(key(use, name), List.of())) {
            if (a.start() < use.start() && a.is("assignment") && !a.contains(use) && a.field("right") != null) {
                out.add(a.field("right"));
            }
        }
        return out;
    }

    public StringBuild build(SyntaxNode e) {
        return build(e, 0);
    }

    private StringBuild build(SyntaxNode e, int depth) {
        if (e == null || depth > 4) {
            return StringBuild.UNKNOWN;
        }
        switch (e.type()) {
            case "parenthesized_expression":
                return e.namedChildren().isEmpty() ? StringBuild.UNKNOWN : build(e.namedChildren().get(0), depth);
            case "string":
            case "concatenated_string": {
                List<TextRange> dyn = new ArrayList<>();
                for (SyntaxNode i : e.descendants("interpolation")) {
                    SyntaxNode x = i.field("expression");
                    if (x != null && !constant(x, depth)) {
                        dyn.add(x.range());
                    }
                }
                boolean template = !e.descendants("interpolation").isEmpty();
                return new StringBuild(template ? How.TEMPLATE : How.LITERAL, dyn, null);
            }
            case "binary_operator": {
                SyntaxNode op = e.field("operator");
                String o = op == null ? "" : op.text();
                if (o.equals("%")) {
                    StringBuild left = build(e.field("left"), depth + 1);
                    if (left.how() != How.LITERAL && left.how() != How.TEMPLATE) {
                        return StringBuild.UNKNOWN;
                    }
                    List<TextRange> dyn = new ArrayList<>(left.dynamicParts());
                    SyntaxNode r = e.field("right");
                    for (SyntaxNode v : r != null && r.is("tuple") ? r.namedChildren() : listOf(r)) {
                        if (!constant(v, depth)) {
                            dyn.add(v.range());
                        }
                    }
                    return new StringBuild(How.FORMAT, dyn, null);
                }
                if (o.equals("+")) {
                    StringBuild l = build(e.field("left"), depth + 1);
                    StringBuild r = build(e.field("right"), depth + 1);
                    if (!textual(l) && !textual(r)) {
                        return StringBuild.UNKNOWN; // arithmetic, or two values of unknown type
                    }
                    List<TextRange> dyn = new ArrayList<>();
                    addParts(e.field("left"), l, dyn, depth);
                    addParts(e.field("right"), r, dyn, depth);
                    return new StringBuild(How.CONCATENATION, dyn, null);
                }
                return StringBuild.UNKNOWN;
            }
            case "call": {
                SyntaxNode f = e.field("function");
                if (f != null && f.is("attribute") && f.field("attribute").text().equals("format")) {
                    StringBuild base = build(f.field("object"), depth + 1);
                    if (base.how() != How.LITERAL && base.how() != How.TEMPLATE) {
                        return StringBuild.UNKNOWN;
                    }
                    List<TextRange> dyn = new ArrayList<>(base.dynamicParts());
                    SyntaxNode args = e.field("arguments");
                    if (args != null) {
                        for (SyntaxNode a : args.namedChildren()) {
                            SyntaxNode v = a.is("keyword_argument") ? a.field("value") : a;
                            if (v != null && !v.is("comment") && !constant(v, depth)) {
                                dyn.add(v.range());
                            }
                        }
                    }
                    return new StringBuild(How.FORMAT, dyn, null);
                }
                return StringBuild.UNKNOWN;
            }
            case "identifier": {
                String name = e.text();
                if (isConstantName(name)) {
                    return StringBuild.CONSTANT;
                }
                SyntaxNode v = valueOf(e, name);
                if (v != null) {
                    StringBuild b = build(v, depth + 1);
                    b = withAugmented(e, name, b, depth);
                    return b.how() == How.UNKNOWN ? b
                            : b.from("variable '" + name + "' built at line " + Py.line(tree, v));
                }
                if (isParameter(e, name)) {
                    return new StringBuild(How.PARAMETER, List.of(e.range()), null);
                }
                return StringBuild.UNKNOWN;
            }
            default:
                return StringBuild.UNKNOWN;
        }
    }

    /** {@code sql += " AND x = " + v} after the assignment and above the use. */
    private StringBuild withAugmented(SyntaxNode use, String name, StringBuild base, int depth) {
        List<SyntaxNode> as = assignments.get(key(use, name));
        List<TextRange> dyn = new ArrayList<>(base.dynamicParts());
        boolean any = false;
        for (SyntaxNode a : as) {
            if (a.is("augmented_assignment") && a.start() < use.start() && a.field("operator") != null
                    && a.field("operator").text().equals("+=")) {
                StringBuild r = build(a.field("right"), depth + 1);
                if (textual(r) || textual(base)) {
                    addParts(a.field("right"), r, dyn, depth);
                    any = true;
                }
            }
        }
        if (!any) {
            return base;
        }
        return new StringBuild(How.CONCATENATION, dyn, null);
    }

    private void addParts(SyntaxNode n, StringBuild b, List<TextRange> dyn, int depth) {
        if (b.how() == How.LITERAL || b.how() == How.CONSTANT) {
            return;
        }
        if (b.how() == How.CONCATENATION || b.how() == How.FORMAT || b.how() == How.TEMPLATE) {
            dyn.addAll(b.dynamicParts());
        } else if (!constant(n, depth)) {
            dyn.add(n.range());
        }
    }

    private static boolean textual(StringBuild b) {
        return b.how() == How.LITERAL || b.how() == How.TEMPLATE || b.how() == How.FORMAT
                || b.how() == How.CONCATENATION;
    }

    private static List<SyntaxNode> listOf(SyntaxNode n) {
        return n == null ? List.of() : List.of(n);
    }

    /** A value that cannot carry text an attacker controls: a literal, a number, an UPPER_CASE constant. */
    private boolean constant(SyntaxNode v, int depth) {
        switch (v.type()) {
            case "integer", "float", "true", "false", "none":
                return true;
            case "string", "concatenated_string":
                return v.descendants("interpolation").isEmpty();
            case "identifier":
                if (isConstantName(v.text())) {
                    return true;
                }
                SyntaxNode val = depth > 3 ? null : valueOf(v, v.text());
                return val != null && !val.is("identifier") && constant(val, depth + 1);
            case "attribute":
                return isConstantName(v.field("attribute").text());
            case "call":
                if (Py.callee(v).equals("str") && Py.positional(v).size() == 1) {
                    return constant(Py.positional(v).get(0), depth + 1);
                }
                return NUMERIC.contains(Py.callee(v));
            default:
                return false;
        }
    }

    private static boolean isConstantName(String name) {
        return name.length() > 1 && name.equals(name.toUpperCase(java.util.Locale.ROOT)) && name.chars().anyMatch(Character::isLetter);
    }

    private static boolean isParameter(SyntaxNode use, String name) {
        SyntaxNode f = Py.function(use);
        if (f == null || f.field("parameters") == null) {
            return false;
        }
        for (SyntaxNode p : f.field("parameters").namedChildren()) {
            SyntaxNode n = p.is("identifier") ? p : p.field("name");
            if (n == null && !p.namedChildren().isEmpty()) {
                n = p.namedChildren().get(0);
            }
            if (n != null && n.text().equals(name)) {
                return true;
            }
        }
        return false;
    }
}

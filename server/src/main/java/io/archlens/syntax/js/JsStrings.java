package io.archlens.syntax.js;

import io.archlens.code.StringBuild;
import io.archlens.code.StringBuild.How;
import io.archlens.core.TextRange;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a string handed to a sink was built within its function: a literal, a template literal with substitutions,
 * concatenation with {@code +} (also {@code +=} onto a variable), {@code util.format}, a parameter, or unknown.
 * Pieces that cannot carry text count as constant: numbers, {@code UPPER_CASE} constants, lengths, values passed
 * through {@code Number()}/{@code parseInt()}, parameters typed {@code number}, and lists of bind placeholders
 * (a variable named like {@code placeholders}).
 */
public final class JsStrings {
    private static final Pattern CONSTANT_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern NUMERIC_CALL = Pattern.compile(
            "(Number|parseInt|parseFloat|Math\\.\\w+|Number\\.\\w+|String\\(Number)\\b.*", Pattern.DOTALL);
    private final JsModule module;

    public JsStrings(JsModule module) {
        this.module = module;
    }

    public StringBuild build(SyntaxNode e) {
        return build(e, 0);
    }

    private StringBuild build(SyntaxNode e, int depth) {
        e = Js.unwrap(e);
        if (e == null || depth > 4) {
            return StringBuild.UNKNOWN;
        }
        if (e.is("string") || Js.stringValue(e) != null) {
            return new StringBuild(How.LITERAL, List.of(), null);
        }
        if (e.is("template_string")) {
            List<TextRange> dyn = new ArrayList<>();
            for (SyntaxNode s : e.namedChildren()) {
                if (s.is("template_substitution") && !s.namedChildren().isEmpty()) {
                    SyntaxNode x = s.namedChildren().get(0);
                    if (!constant(x, depth)) {
                        dyn.add(x.range());
                    }
                }
            }
            return new StringBuild(How.TEMPLATE, dyn, null);
        }
        if (e.is("binary_expression") && "+".equals(operator(e))) {
            List<TextRange> dyn = new ArrayList<>();
            concat(e, dyn, depth);
            return new StringBuild(How.CONCATENATION, dyn, null);
        }
        if (e.is("call_expression")) {
            String callee = Js.calleeText(e);
            if (callee.equals("util.format") || callee.equals("format") || callee.endsWith(".format")
                    && Js.stringValue(Js.arg(e, 0)) != null) {
                List<TextRange> dyn = new ArrayList<>();
                List<SyntaxNode> args = Js.args(e);
                for (int i = 1; i < args.size(); i++) {
                    if (!constant(args.get(i), depth)) {
                        dyn.add(args.get(i).range());
                    }
                }
                return new StringBuild(How.FORMAT, dyn, null);
            }
            if (Js.method(e).equals("concat") && Js.receiver(e) != null) { // 'SELECT ... '.concat(id)
                StringBuild head = build(Js.receiver(e), depth + 1);
                if (head.how() != How.UNKNOWN && head.how() != How.PARAMETER) {
                    List<TextRange> dyn = new ArrayList<>(head.dynamicParts());
                    for (SyntaxNode a : Js.args(e)) {
                        if (!constant(a, depth)) {
                            dyn.add(a.range());
                        }
                    }
                    return new StringBuild(How.CONCATENATION, dyn, head.origin());
                }
            }
            return StringBuild.UNKNOWN;
        }
        if (e.is("identifier")) {
            if (CONSTANT_NAME.matcher(e.text()).matches()) {
                return StringBuild.CONSTANT;
            }
            SyntaxNode d = module.declarator(e);
            if (d != null && d.field("value") != null) {
                StringBuild b = build(d.field("value"), depth + 1);
                List<TextRange> dyn = new ArrayList<>(b.dynamicParts());
                How how = b.how();
                // sql += ' AND name = ' + name, sql = sql + name, sql = sql.concat(name) or a new value for sql,
                // between the declaration and the use
                SyntaxNode scope = Js.function(d);
                SyntaxNode appended = null;
                for (SyntaxNode a : (scope != null ? scope : module.tree().root()).descendants(
                        "augmented_assignment_expression", "assignment_expression")) {
                    if (!(a.start() > d.end() && a.end() < e.start() && a.field("left") != null
                            && a.field("left").text().equals(e.text()) && a.field("right") != null)) {
                        continue;
                    }
                    List<SyntaxNode> more;
                    if (a.is("augmented_assignment_expression")) {
                        if (!"+=".equals(operator(a))) {
                            continue;
                        }
                        more = List.of(a.field("right"));
                    } else {
                        more = selfAppend(a.field("right"), e.text());
                        if (more == null) { // sql = something new: the build starts over
                            StringBuild fresh = build(a.field("right"), depth + 1);
                            dyn = new ArrayList<>(fresh.dynamicParts());
                            how = fresh.how();
                            appended = null;
                            continue;
                        }
                    }
                    for (SyntaxNode m : more) {
                        StringBuild b2 = build(m, depth + 1);
                        int before = dyn.size();
                        if (b2.how() == How.UNKNOWN || b2.how() == How.PARAMETER) {
                            if (!constant(m, depth)) {
                                dyn.add(m.range());
                            }
                        } else {
                            dyn.addAll(b2.dynamicParts());
                        }
                        appended = appended == null && dyn.size() > before ? a : appended;
                    }
                    how = How.CONCATENATION;
                }
                if (appended != null) {
                    return new StringBuild(how, dyn, "variable '" + e.text() + "' built at line " + line(d)
                            + ", values appended at line " + line(appended));
                }
                return new StringBuild(how, dyn, "variable '" + e.text() + "' built at line " + line(d));
            }
            if (module.parameter(e) != null) {
                return new StringBuild(How.PARAMETER, List.of(), null);
            }
        }
        return StringBuild.UNKNOWN;
    }

    /**
     * The pieces {@code right} appends to variable {@code name} ({@code name + a + b}, {@code name.concat(a, b)}),
     * null when it is not an append onto {@code name}.
     */
    private static List<SyntaxNode> selfAppend(SyntaxNode right, String name) {
        SyntaxNode r = Js.unwrap(right);
        if (r.is("call_expression") && Js.method(r).equals("concat") && Js.receiver(r) != null
                && Js.receiver(r).text().equals(name)) {
            return Js.args(r);
        }
        List<SyntaxNode> parts = new ArrayList<>();
        while (r.is("binary_expression") && "+".equals(operator(r))) {
            parts.add(0, r.field("right"));
            r = Js.unwrap(r.field("left"));
        }
        return !parts.isEmpty() && r.is("identifier") && r.text().equals(name) ? parts : null;
    }

    private void concat(SyntaxNode e, List<TextRange> dyn, int depth) {
        e = Js.unwrap(e);
        if (e.is("binary_expression") && "+".equals(operator(e))) {
            concat(e.field("left"), dyn, depth);
            concat(e.field("right"), dyn, depth);
        } else if (e.is("template_string")) {
            dyn.addAll(build(e, depth).dynamicParts());
        } else if (!constant(e, depth)) {
            dyn.add(e.range());
        }
    }

    /** A value that cannot carry text of its own making: a literal, a number, a constant, a numeric value. */
    public boolean isConstant(SyntaxNode x) {
        return constant(x, 0);
    }

    /** A piece that cannot change a statement's structure: a literal, a number, a constant, a numeric value. */
    boolean constant(SyntaxNode x, int depth) {
        x = Js.unwrap(x);
        if (x == null) {
            return true;
        }
        if (x.isAny("string", "number", "true", "false", "null", "undefined")
                || Js.stringValue(x) != null) {
            return true;
        }
        String t = x.text();
        if (x.is("identifier")) {
            if (CONSTANT_NAME.matcher(t).matches() || t.toLowerCase(Locale.ROOT).contains("placeholder")) {
                return true;
            }
            SyntaxNode p = module.parameter(x);
            if (p != null) {
                SyntaxNode type = p.field("type");
                return type != null && type.text().matches(":\\s*(number|boolean|bigint)");
            }
            SyntaxNode d = module.declarator(x);
            if (d != null && depth < 3) {
                SyntaxNode v = Js.unwrap(d.field("value"));
                return v != null && (constant(v, depth + 1)
                        || (v.is("template_string") || v.is("binary_expression"))
                        && build(v, depth + 1).dynamicParts().isEmpty());
            }
            return false;
        }
        if (x.is("member_expression")) {
            return t.endsWith(".length") || CONSTANT_NAME.matcher(t.substring(t.lastIndexOf('.') + 1)).matches();
        }
        if (x.is("call_expression")) {
            return NUMERIC_CALL.matcher(t).matches();
        }
        if (x.is("unary_expression")) {
            return t.startsWith("+") || t.startsWith("-") || t.startsWith("!") || t.startsWith("typeof");
        }
        if (x.is("ternary_expression")) {
            return constant(x.field("consequence"), depth) && constant(x.field("alternative"), depth);
        }
        if (x.is("binary_expression")) {
            String op = operator(x);
            if (!"+".equals(op) && !"||".equals(op) && !"??".equals(op) && !"&&".equals(op)) {
                return true; // arithmetic and comparisons give numbers or booleans
            }
            return constant(x.field("left"), depth) && constant(x.field("right"), depth);
        }
        return false;
    }

    static String operator(SyntaxNode e) {
        SyntaxNode op = e.field("operator");
        return op == null ? null : op.text();
    }

    private static int line(SyntaxNode n) {
        String text = n.tree().text();
        int line = 1;
        for (int i = 0; i < n.start() && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}

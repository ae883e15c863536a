package io.archlens.syntax.go;

import io.archlens.code.StringBuild;
import io.archlens.code.StringBuild.How;
import io.archlens.core.TextRange;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a Go string handed to a sink was built within its function: a literal or constant, concatenation
 * ({@code +}, {@code +=}), {@code fmt.Sprintf} (FORMAT; arguments formatted with {@code %d} and other number verbs
 * cannot carry text and do not count), a parameter, or unknown. Also collects the literal text seen on the way, so
 * a sink can tell SQL from other strings.
 */
public final class GoStrings {
    private static final Pattern VERB = Pattern.compile("%[-+# 0]*(?:\\[\\d+])?[\\d*]*(?:\\.[\\d*]*)?([a-zA-Z%])");
    /** Calls whose result is a number's or a bool's text: safe in any statement. */
    private static final Set<String> NON_TEXT = Set.of("strconv.Itoa", "strconv.FormatInt", "strconv.FormatUint",
            "strconv.FormatFloat", "strconv.FormatBool", "len", "pq.QuoteIdentifier", "pq.QuoteLiteral",
            "uuid.NewString");

    /** A function that quotes an identifier or literal for SQL: {@code quoteName}, {@code QuoteIdentifier}. */
    private static final Pattern QUOTES = Pattern.compile("^(?i:quote)|Quote(Ident|Identifier|Name|Column|Table|Literal)");

    /** Conversions whose result is a number or a bool. */
    private static final Set<String> PARSES = Set.of("strconv.Atoi", "strconv.ParseInt", "strconv.ParseUint",
            "strconv.ParseFloat", "strconv.ParseBool", "uuid.Parse", "uuid.New", "time.Now");
    private static final Pattern NUMERIC_TYPE = Pattern.compile(
            "\\*?(u?int(8|16|32|64)?|float(32|64)|bool|uuid\\.UUID|time\\.Time|time\\.Duration)");

    private final CodeTree tree;
    private final Set<String> constants = new HashSet<>();

    public GoStrings(CodeTree tree) {
        this.tree = tree;
        for (SyntaxNode c : tree.all("const_spec")) {
            for (SyntaxNode n : c.fieldAll("name")) {
                constants.add(n.text());
            }
        }
    }

    /** A build and the literal text met while following it. */
    public record Built(StringBuild build, String literals) {
    }

    public Built build(SyntaxNode expr) {
        StringBuilder lits = new StringBuilder();
        StringBuild b = build(expr, lits, 0, new HashSet<>());
        return new Built(b, lits.toString());
    }

    private StringBuild build(SyntaxNode e, StringBuilder lits, int depth, Set<String> seen) {
        e = Go.unwrap(e);
        if (e == null) {
            return StringBuild.UNKNOWN;
        }
        if (Go.isString(e)) {
            lits.append(Go.stringValue(e)).append(' ');
            return new StringBuild(How.LITERAL, List.of(), null);
        }
        if (e.is("binary_expression") && !"+".equals(op(e))) {
            return StringBuild.CONSTANT; // a comparison, arithmetic: a number or a bool
        }
        if (e.is("binary_expression") && "+".equals(op(e))) {
            List<TextRange> dyn = new ArrayList<>();
            String origin = null;
            for (SyntaxNode part : operands(e, new ArrayList<>())) {
                StringBuild b = build(part, lits, depth, seen);
                if (!constant(b)) {
                    dyn.add(b.dynamicParts().isEmpty() ? part.range() : b.dynamicParts().get(0));
                    if (origin == null && (b.how() == How.CONCATENATION || b.how() == How.FORMAT
                            || b.how() == How.BUILDER)) {
                        origin = b.origin(); // q + " LIMIT 1" on a q built before: say where q was built
                    }
                }
            }
            return dyn.isEmpty() ? StringBuild.CONSTANT : new StringBuild(How.CONCATENATION, dyn, origin);
        }
        if (e.is("call_expression")) {
            return call(e, lits, depth, seen);
        }
        if (e.is("identifier")) {
            return identifier(e, lits, depth, seen);
        }
        if (e.isAny("int_literal", "float_literal", "true", "false", "nil")) {
            return StringBuild.CONSTANT;
        }
        return StringBuild.UNKNOWN;
    }

    private StringBuild call(SyntaxNode e, StringBuilder lits, int depth, Set<String> seen) {
        String callee = Go.callee(e);
        if (NON_TEXT.contains(callee) || QUOTES.matcher(callee.substring(callee.lastIndexOf('.') + 1)).find()) {
            return StringBuild.CONSTANT; // a number's text, or an identifier or literal quoted for SQL
        }
        if (Go.method(e).equals("String") && Go.args(e).isEmpty() && Go.receiver(e) != null
                && Go.receiver(e).is("identifier")) {
            return builder(Go.receiver(e), lits, depth, seen);
        }
        if (!callee.equals("fmt.Sprintf")) {
            return StringBuild.UNKNOWN;
        }
        List<SyntaxNode> args = Go.args(e);
        if (args.isEmpty()) {
            return StringBuild.UNKNOWN;
        }
        String format = Go.stringValue(Go.unwrap(args.get(0)));
        if (format == null) {
            build(args.get(0), lits, depth, seen); // a format assembled elsewhere: its words still tell SQL
        }
        List<Character> verbs = new ArrayList<>();
        if (format != null) {
            lits.append(format).append(' ');
            Matcher m = VERB.matcher(format);
            while (m.find()) {
                if (m.group(1).charAt(0) != '%') {
                    verbs.add(m.group(1).charAt(0));
                }
            }
        }
        List<TextRange> dyn = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            char verb = format != null && i - 1 < verbs.size() ? verbs.get(i - 1) : 's';
            if ("svqxX".indexOf(verb) < 0 || args.get(i).text().endsWith("...")) {
                continue; // %d, %f, %t...: numbers and bools cannot close a quote
            }
            StringBuild b = build(args.get(i), lits, depth, seen);
            if (!constant(b)) {
                dyn.add(args.get(i).range());
            }
        }
        return dyn.isEmpty() ? StringBuild.CONSTANT : new StringBuild(How.FORMAT, dyn, null);
    }

    private StringBuild identifier(SyntaxNode id, StringBuilder lits, int depth, Set<String> seen) {
        String name = id.text();
        SyntaxNode fn = Go.function(id);
        if (fn != null && Go.params(fn).containsKey(name)) {
            return NUMERIC_TYPE.matcher(Go.params(fn).get(name)).matches() ? StringBuild.CONSTANT
                    : new StringBuild(How.PARAMETER, List.of(id.range()), null);
        }
        if (fn == null || depth > 4 || !seen.add(name)) {
            return constants.contains(name) ? StringBuild.CONSTANT : StringBuild.UNKNOWN;
        }
        // the last plain definition before the use, then the += that follow it
        SyntaxNode def = null;
        List<SyntaxNode> appends = new ArrayList<>();
        List<SyntaxNode[]> defs = new ArrayList<>(); // {statement, value} of every plain definition, in order
        SyntaxNode body = fn.field("body");
        for (SyntaxNode s : body == null ? List.<SyntaxNode>of()
                : body.descendants("short_var_declaration", "assignment_statement", "var_spec")) {
            if (s.start() >= id.start() || !fn.equals(Go.function(s))) {
                continue;
            }
            SyntaxNode value = valueFor(s, name);
            if (value == null) {
                continue;
            }
            String op = s.is("assignment_statement") ? op(s) : "=";
            List<SyntaxNode> parts = operands(value, new ArrayList<>());
            if ("=".equals(op) && def != null && parts.size() > 1 && parts.get(0).is("identifier")
                    && parts.get(0).text().equals(name)) {
                appends.addAll(parts.subList(1, parts.size())); // q = q + " AND ..."
            } else if ("+=".equals(op)) {
                appends.add(value);
            } else if ("=".equals(op) || ":=".equals(op)) {
                def = value;
                appends.clear();
                defs.add(new SyntaxNode[] {s, value});
            }
        }
        if (def == null) {
            seen.remove(name);
            return constants.contains(name) ? StringBuild.CONSTANT : StringBuild.UNKNOWN;
        }
        SyntaxNode d = Go.unwrap(def);
        if (d != null && d.is("call_expression") && PARSES.contains(Go.callee(d))) {
            seen.remove(name);
            return StringBuild.CONSTANT; // id, err := strconv.Atoi(...): a number
        }
        StringBuild first = build(def, lits, depth + 1, seen);
        if (!first.assembledFromValues() && appends.isEmpty()) {
            // if (x) { q = "..." + v } else { q = "" }: a definition in a branch may be the one that reaches the
            // use; look back over the definitions up to the last one made on the use's own path
            for (int i = defs.size() - 1; i >= 0 && i < defs.size(); i--) {
                SyntaxNode stmt = defs.get(i)[0];
                if (i < defs.size() - 1) {
                    StringBuild alt = build(defs.get(i)[1], lits, depth + 1, seen);
                    if (alt.assembledFromValues()) {
                        def = defs.get(i)[1];
                        first = alt;
                        break;
                    }
                }
                if (stmt.parent() != null && stmt.parent().contains(id)) {
                    break;
                }
            }
        }
        List<TextRange> dyn = new ArrayList<>(constant(first) ? List.of() : first.dynamicParts());
        How how = first.how();
        for (SyntaxNode a : appends) {
            StringBuild b = build(a, lits, depth + 1, seen);
            if (!constant(b)) {
                dyn.add(b.dynamicParts().isEmpty() ? a.range() : b.dynamicParts().get(0));
                how = how == How.FORMAT ? How.FORMAT : How.CONCATENATION;
            } else if (constant(first)) {
                how = How.CONSTANT;
            }
        }
        seen.remove(name);
        String where = "variable '" + name + "' built at line " + Go.line(tree, def);
        if (first.how() == How.BUILDER && appends.isEmpty() && first.origin() != null) {
            where = "variable '" + name + "' from " + first.origin(); // sql := sb.String()
        }
        if (dyn.isEmpty() && (how == How.LITERAL || constant(first))) {
            return StringBuild.CONSTANT;
        }
        if (!appends.isEmpty() && how != How.FORMAT && how != How.CONCATENATION) {
            how = How.CONCATENATION; // x := param; x += "..." : still one value joined to text
        }
        return new StringBuild(how, dyn.isEmpty() ? first.dynamicParts() : dyn, where);
    }

    /** {@code sb.String()} of a strings.Builder the function fills with {@code WriteString}/{@code Fprintf}. */
    private StringBuild builder(SyntaxNode recv, StringBuilder lits, int depth, Set<String> seen) {
        SyntaxNode fn = Go.function(recv);
        if (fn == null || depth > 4) {
            return StringBuild.UNKNOWN;
        }
        String name = recv.text();
        boolean written = false;
        List<TextRange> dyn = new ArrayList<>();
        SyntaxNode firstWrite = null;
        for (SyntaxNode c : fn.descendants("call_expression")) {
            String callee = Go.callee(c);
            List<SyntaxNode> args = Go.args(c);
            List<SyntaxNode> pieces;
            if (callee.equals(name + ".WriteString") || callee.equals(name + ".WriteByte")
                    || callee.equals(name + ".WriteRune")) {
                pieces = args;
            } else if (callee.equals("fmt.Fprintf") && !args.isEmpty() && args.get(0).text().replace("&", "").equals(name)) {
                pieces = args.subList(1, args.size());
            } else {
                continue;
            }
            written = true;
            for (SyntaxNode a : pieces) {
                StringBuild b = build(a, lits, depth + 1, seen);
                if (!constant(b) && !Go.unwrap(a).is("rune_literal")) {
                    firstWrite = firstWrite == null ? c : firstWrite;
                    dyn.add(a.range());
                }
            }
        }
        if (!written) {
            return StringBuild.UNKNOWN;
        }
        return dyn.isEmpty() ? StringBuild.CONSTANT : new StringBuild(How.BUILDER, dyn,
                "'" + name + "' written at line " + Go.line(tree, firstWrite));
    }

    private static boolean constant(StringBuild b) {
        return b.how() == How.LITERAL || b.how() == How.CONSTANT;
    }

    /** The value assigned to {@code name} by a declaration or assignment, null when it does not assign it. */
    private static SyntaxNode valueFor(SyntaxNode stmt, String name) {
        List<SyntaxNode> left = stmt.is("var_spec") ? stmt.fieldAll("name")
                : stmt.field("left") == null ? List.of() : stmt.field("left").namedChildren();
        SyntaxNode right = stmt.is("var_spec") ? stmt.field("value") : stmt.field("right");
        if (right == null) {
            return null;
        }
        List<SyntaxNode> values = right.namedChildren();
        for (int i = 0; i < left.size(); i++) {
            if (left.get(i).text().equals(name)) {
                return values.size() == left.size() ? values.get(i) : values.size() == 1 && i == 0 ? values.get(0) : null;
            }
        }
        return null;
    }

    private static String op(SyntaxNode n) {
        SyntaxNode o = n.field("operator");
        return o == null ? null : o.text();
    }

    private static List<SyntaxNode> operands(SyntaxNode e, List<SyntaxNode> out) {
        e = Go.unwrap(e);
        if (e.is("binary_expression") && "+".equals(op(e))) {
            operands(e.field("left"), out);
            operands(e.field("right"), out);
        } else {
            out.add(e);
        }
        return out;
    }
}

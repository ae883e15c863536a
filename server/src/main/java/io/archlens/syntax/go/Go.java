package io.archlens.syntax.go;

import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small readings of tree-sitter-go nodes shared by the Go facts and rules: callees, arguments, literals, scopes. */
public final class Go {
    public static final String[] FUNCTIONS = {"function_declaration", "method_declaration", "func_literal"};

    private Go() {
    }

    /** The callee as written without spaces ({@code http.Get}, {@code db.Query}, {@code f}); "" when not a call. */
    public static String callee(SyntaxNode call) {
        SyntaxNode f = call.is("call_expression") ? call.field("function") : null;
        // a name is short; a longer callee is a function literal or a call chain, no name to compare
        return f == null || f.end() - f.start() > 256 ? "" : f.compactText();
    }

    /** The method or function name of a call: the selector's field, or the identifier. */
    public static String method(SyntaxNode call) {
        SyntaxNode f = call.field("function");
        if (f == null) {
            return "";
        }
        if (f.is("selector_expression")) {
            SyntaxNode field = f.field("field");
            return field == null ? "" : field.text();
        }
        return f.is("identifier") ? f.text() : "";
    }

    /** What a method is called on ({@code db} of {@code db.Query}), null when the callee is not a selector. */
    public static SyntaxNode receiver(SyntaxNode call) {
        SyntaxNode f = call.field("function");
        return f != null && f.is("selector_expression") ? f.field("operand") : null;
    }

    public static List<SyntaxNode> args(SyntaxNode call) {
        SyntaxNode a = call.field("arguments");
        List<SyntaxNode> out = new ArrayList<>();
        if (a != null) {
            for (SyntaxNode c : a.namedChildren()) {
                if (!c.is("comment")) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    public static SyntaxNode arg(SyntaxNode call, int i) {
        List<SyntaxNode> a = args(call);
        return i < a.size() ? a.get(i) : null;
    }

    public static boolean isString(SyntaxNode n) {
        return n != null && n.isAny("interpreted_string_literal", "raw_string_literal");
    }

    /** The value of a string literal (escapes of interpreted strings resolved roughly), null when not one. */
    public static String stringValue(SyntaxNode n) {
        if (n == null) {
            return null;
        }
        if (n.is("parenthesized_expression") && n.namedChildren().size() == 1) {
            return stringValue(n.namedChildren().get(0));
        }
        if (!isString(n)) {
            return null;
        }
        String t = n.text();
        if (t.length() < 2) {
            return "";
        }
        String inner = t.substring(1, t.length() - 1);
        return n.is("raw_string_literal") ? inner : inner.replace("\\\"", "\"").replace("\\\\", "\\")
                .replace("\\n", "\n").replace("\\t", "\t");
    }

    /** The innermost function (declaration, method or literal) around a node, null at package level. */
    public static SyntaxNode function(SyntaxNode n) {
        return n.ancestor(FUNCTIONS);
    }

    /** The name of the named function around a node ({@code main}, {@code (*Server).Start} as {@code Start}). */
    public static String functionName(SyntaxNode n) {
        SyntaxNode f = n.is("function_declaration") || n.is("method_declaration") ? n
                : n.ancestor("function_declaration", "method_declaration");
        SyntaxNode name = f == null ? null : f.field("name");
        return name == null ? null : name.text();
    }

    /** The parameters of a function node: name to its type's text ({@code r} to {@code *http.Request}). */
    public static Map<String, String> params(SyntaxNode fn) {
        Map<String, String> out = new HashMap<>();
        SyntaxNode list = fn == null ? null : fn.field("parameters");
        if (list == null) {
            return out;
        }
        for (SyntaxNode p : list.namedChildren()) {
            SyntaxNode type = p.field("type");
            for (SyntaxNode name : p.fieldAll("name")) {
                out.put(name.text(), type == null ? "" : type.compactText());
            }
        }
        return out;
    }

    /** A composite literal's type without a leading {@code &} ({@code http.Client}), "" when none. */
    public static String literalType(SyntaxNode composite) {
        SyntaxNode t = composite.field("type");
        return t == null ? "" : t.compactText();
    }

    /** The keyed elements of a composite literal: key text to the value node. */
    public static Map<String, SyntaxNode> keyed(SyntaxNode composite) {
        Map<String, SyntaxNode> out = new HashMap<>();
        SyntaxNode body = composite.field("body");
        if (body == null) {
            return out;
        }
        for (SyntaxNode e : body.namedChildren()) {
            if (e.is("keyed_element")) {
                SyntaxNode k = e.field("key");
                SyntaxNode v = e.field("value");
                if (k != null && v != null) {
                    out.put(k.text().trim(), unwrap(v));
                }
            }
        }
        return out;
    }

    /** The expression inside a {@code literal_element} or parentheses. */
    public static SyntaxNode unwrap(SyntaxNode n) {
        while (n != null && (n.is("literal_element") || n.is("parenthesized_expression"))
                && n.namedChildren().size() == 1) {
            n = n.namedChildren().get(0);
        }
        return n;
    }

    /**
     * The variable a value is stored in: {@code c} of {@code c := &http.Client{}} or {@code s.client} of
     * {@code s.client = ...}, or the key of a keyed element; null when the value is used in place.
     */
    public static String storedIn(SyntaxNode value) {
        SyntaxNode v = value;
        while (v.parent() != null && v.parent().isAny("unary_expression", "parenthesized_expression", "literal_element")) {
            v = v.parent();
        }
        SyntaxNode p = v.parent();
        if (p != null && p.is("keyed_element")) {
            SyntaxNode k = p.field("key");
            return k == null ? null : k.text().trim();
        }
        if (p == null || !p.is("expression_list")) {
            return null;
        }
        SyntaxNode stmt = p.parent();
        if (stmt == null || !stmt.isAny("short_var_declaration", "assignment_statement", "var_spec", "const_spec")) {
            return null;
        }
        int idx = p.namedChildren().indexOf(v);
        List<SyntaxNode> left = stmt.is("var_spec") || stmt.is("const_spec") ? stmt.fieldAll("name")
                : stmt.field("left") == null ? List.of() : stmt.field("left").namedChildren();
        return idx >= 0 && idx < left.size() ? left.get(idx).compactText() : null;
    }

    /**
     * The value a name is given once, where it is visible: a constant or variable of the file, or a declaration
     * of the same function before the use; null when there is none or more than one (it may change).
     */
    public static SyntaxNode valueOf(SyntaxNode id) {
        if (id == null || !id.is("identifier")) {
            return null;
        }
        SyntaxNode fn = function(id);
        SyntaxNode found = null;
        int count = 0;
        for (SyntaxNode s : id.tree().all("const_spec")) {
            SyntaxNode v = single(s, id.text());
            found = v != null ? v : found;
            count += v != null ? 1 : 0;
        }
        for (SyntaxNode s : id.tree().all("var_spec")) {
            SyntaxNode in = function(s);
            SyntaxNode v = in == null || in.equals(fn) && s.start() < id.start() ? single(s, id.text()) : null;
            found = v != null ? v : found;
            count += v != null ? 1 : 0;
        }
        if (fn != null) {
            for (SyntaxNode s : fn.descendants("short_var_declaration", "assignment_statement")) {
                SyntaxNode left = s.field("left");
                SyntaxNode right = s.field("right");
                if (left != null && right != null && left.namedChildren().size() == 1
                        && left.namedChildren().get(0).text().equals(id.text()) && right.namedChildren().size() == 1) {
                    found = right.namedChildren().get(0);
                    count++;
                }
            }
        }
        return count == 1 ? unwrap(found) : null;
    }

    private static SyntaxNode single(SyntaxNode spec, String name) {
        List<SyntaxNode> names = spec.fieldAll("name");
        SyntaxNode value = spec.field("value");
        return names.size() == 1 && names.get(0).text().equals(name) && value != null
                && value.namedChildren().size() == 1 ? value.namedChildren().get(0) : null;
    }

    /** A boolean expression that is {@code true} as written: {@code true}, {@code !false}, a constant holding one. */
    public static boolean isTrue(SyntaxNode n) {
        n = unwrap(n);
        if (n == null) {
            return false;
        }
        if (n.is("true")) {
            return true;
        }
        if (n.is("unary_expression") && n.field("operator") != null && n.field("operator").text().equals("!")) {
            SyntaxNode o = unwrap(n.field("operand"));
            return o != null && o.is("false");
        }
        return n.is("identifier") && !n.text().equals("true") && isTrue(valueOf(n));
    }

    /** 1-based line of a node. */
    public static int line(CodeTree t, SyntaxNode n) {
        return t.file().lines().lineOf(n.start()) + 1;
    }
}

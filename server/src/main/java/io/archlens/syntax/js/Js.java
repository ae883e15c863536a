package io.archlens.syntax.js;

import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.List;
import java.util.regex.Pattern;

/** Small readings of JavaScript/TypeScript syntax nodes shared by the extractors and the {@code js/*} rules. */
public final class Js {
    public static final String[] FUNCTIONS = {"function_declaration", "function_expression", "function",
        "arrow_function", "method_definition", "generator_function_declaration", "generator_function"};
    private static final Pattern REQUEST = Pattern.compile(
            "^(req|request|ctx|ctx\\.request|event)\\.(query|body|params|headers|cookies|queryStringParameters|"
                    + "pathParameters)\\b.*|^req\\.(param|get|header)\\(.*", Pattern.DOTALL);

    private Js() {
    }

    /** Parentheses, TypeScript casts and non-null assertions taken off. */
    public static SyntaxNode unwrap(SyntaxNode n) {
        while (n != null && n.isAny("parenthesized_expression", "as_expression", "non_null_expression",
                "satisfies_expression", "type_assertion")) {
            SyntaxNode inner = n.is("parenthesized_expression") ? first(n) : n.namedChildren().isEmpty() ? null
                    : n.namedChildren().get(n.is("type_assertion") ? n.namedChildren().size() - 1 : 0);
            if (inner == null) {
                return n;
            }
            n = inner;
        }
        return n;
    }

    private static SyntaxNode first(SyntaxNode n) {
        List<SyntaxNode> c = n.namedChildren();
        return c.isEmpty() ? null : c.get(0);
    }

    /** The called expression of a call, without an {@code await} TypeScript parsed into it. */
    public static SyntaxNode callee(SyntaxNode call) {
        SyntaxNode f = call.field("function");
        if (f != null && f.is("await_expression")) {
            f = first(f);
        }
        return unwrap(f);
    }

    static final int MAX_CALLEE = 256;

    /** The callee as dotted text ({@code axios.get}, {@code fetch}); optional chaining read as a dot. */
    public static String calleeText(SyntaxNode call) {
        SyntaxNode c = callee(call);
        // a dotted name is short; a longer callee is an inline function or a call chain, no name to compare
        return c == null || c.end() - c.start() > MAX_CALLEE ? "" : c.compactText().replace("?.", ".");
    }

    /** The method name of a call ({@code get} in {@code axios.get(u)}), the function name for a plain call. */
    public static String method(SyntaxNode call) {
        SyntaxNode c = callee(call);
        if (c == null) {
            return "";
        }
        if (c.is("member_expression")) {
            SyntaxNode p = c.field("property");
            return p == null ? "" : p.text();
        }
        return c.is("identifier") ? c.text() : "";
    }

    /** What a method is called on ({@code axios} in {@code axios.get(u)}), null for a plain call. */
    public static SyntaxNode receiver(SyntaxNode call) {
        SyntaxNode c = callee(call);
        return c != null && c.is("member_expression") ? unwrap(c.field("object")) : null;
    }

    /** The arguments of a call or {@code new}; none for a tagged template. */
    public static List<SyntaxNode> args(SyntaxNode call) {
        SyntaxNode a = call.field("arguments");
        return a == null || !a.is("arguments") ? List.of() : a.namedChildren().stream()
                .filter(n -> !n.is("comment")).toList();
    }

    public static SyntaxNode arg(SyntaxNode call, int i) {
        List<SyntaxNode> a = args(call);
        return i < a.size() ? unwrap(a.get(i)) : null;
    }

    /** The value of an object literal's property ({@code key: value} or the shorthand {@code key}), null if absent. */
    public static SyntaxNode prop(SyntaxNode object, String key) {
        if (object == null || !object.is("object")) {
            return null;
        }
        SyntaxNode found = null;
        for (SyntaxNode c : object.namedChildren()) {
            if (c.is("pair") && key.equals(keyName(c.field("key")))) {
                found = unwrap(c.field("value"));
            } else if (c.is("shorthand_property_identifier") && c.text().equals(key)) {
                found = c;
            }
        }
        return found;
    }

    /** The pair node of a property, for reporting on {@code key: value}. */
    public static SyntaxNode pair(SyntaxNode object, String key) {
        if (object == null || !object.is("object")) {
            return null;
        }
        for (SyntaxNode c : object.namedChildren()) {
            if (c.is("pair") && key.equals(keyName(c.field("key")))) {
                return c;
            }
        }
        return null;
    }

    public static boolean hasSpread(SyntaxNode object) {
        return object != null && object.childOfType("spread_element") != null;
    }

    /** A property key as written: an identifier, or a string's content; null for a computed key. */
    public static String keyName(SyntaxNode key) {
        if (key == null) {
            return null;
        }
        if (key.isAny("property_identifier", "identifier", "shorthand_property_identifier")) {
            return key.text();
        }
        return stringValue(key);
    }

    /** The content of a string literal or a template without substitutions, null for anything else. */
    public static String stringValue(SyntaxNode n) {
        n = unwrap(n);
        if (n == null) {
            return null;
        }
        if (n.is("string") || (n.is("template_string") && n.childOfType("template_substitution") == null)) {
            String t = n.text();
            return t.length() >= 2 ? t.substring(1, t.length() - 1) : "";
        }
        return null;
    }

    public static boolean isFalse(SyntaxNode n) {
        n = unwrap(n);
        return n != null && (n.is("false") || (n.is("unary_expression") && n.text().replace(" ", "").equals("!1")));
    }

    public static boolean isTrue(SyntaxNode n) {
        n = unwrap(n);
        return n != null && (n.is("true") || (n.is("unary_expression") && n.text().replace(" ", "").equals("!0")));
    }

    /** The nearest enclosing function, null at the top of the module. */
    public static SyntaxNode function(SyntaxNode n) {
        return n.ancestor(FUNCTIONS);
    }

    /** A function's name: declared, the method's, or the variable or property it is assigned to. */
    public static String functionName(SyntaxNode fn) {
        if (fn == null) {
            return null;
        }
        SyntaxNode name = fn.field("name");
        if (name != null) {
            return name.text();
        }
        SyntaxNode p = fn.parent();
        if (p != null && p.is("variable_declarator") && p.field("name") != null) {
            return p.field("name").text();
        }
        if (p != null && p.is("pair")) {
            return keyName(p.field("key"));
        }
        return null;
    }

    public static boolean isAsync(SyntaxNode fn) {
        for (SyntaxNode c : fn.children()) {
            if (c.type().equals("async")) {
                return true;
            }
            if (c.isNamed()) {
                return false;
            }
        }
        return false;
    }

    /** An expression that reads the incoming request: {@code req.query.x}, {@code req.body}, {@code ctx.params}. */
    public static boolean readsRequest(SyntaxNode n) {
        n = unwrap(n);
        if (n == null) {
            return false;
        }
        if (n.is("call_expression")) { // req.query.q.trim(), req.get('Referer')
            SyntaxNode c = callee(n);
            return c != null && c.is("member_expression") && (readsRequest(c.field("object"))
                    || REQUEST.matcher(n.text().replace("?.", ".")).matches());
        }
        return n.isAny("member_expression", "subscript_expression")
                && REQUEST.matcher(n.text().replace("?.", ".")).matches();
    }
}

package io.archlens.syntax.python;

import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small readers of tree-sitter-python nodes shared by the Python facts and rules. */
public final class Py {
    private Py() {
    }

    /** The callee as written without spaces ({@code requests.get}, {@code self.session.post}), or "" when not a name. */
    public static String callee(SyntaxNode call) {
        SyntaxNode f = call.field("function");
        if (f == null || !f.isAny("identifier", "attribute") || f.end() - f.start() > 256) {
            return ""; // longer than any dotted name: a call chain, whose calls are judged one by one
        }
        return f.compactText();
    }

    /** The last segment of the callee ({@code get} of {@code requests.get}). */
    public static String method(SyntaxNode call) {
        String c = callee(call);
        return c.substring(c.lastIndexOf('.') + 1);
    }

    /** The callee's receiver as written ({@code requests} of {@code requests.get}), or "". */
    public static String receiver(SyntaxNode call) {
        String c = callee(call);
        int dot = c.lastIndexOf('.');
        return dot < 0 ? "" : c.substring(0, dot);
    }

    /** The value of a keyword argument, or null. */
    public static SyntaxNode kwarg(SyntaxNode call, String name) {
        SyntaxNode args = call.field("arguments");
        if (args == null) {
            return null;
        }
        for (SyntaxNode a : args.namedChildren()) {
            if (a.is("keyword_argument")) {
                SyntaxNode n = a.field("name");
                if (n != null && n.text().equals(name)) {
                    return a.field("value");
                }
            }
        }
        return null;
    }

    /** The positional arguments, in order (no keywords, splats or comments). */
    public static List<SyntaxNode> positional(SyntaxNode call) {
        List<SyntaxNode> out = new ArrayList<>();
        SyntaxNode args = call.field("arguments");
        if (args == null || !args.is("argument_list")) {
            return out;
        }
        for (SyntaxNode a : args.namedChildren()) {
            if (!a.isAny("keyword_argument", "list_splat", "dictionary_splat", "comment")) {
                out.add(a);
            }
        }
        return out;
    }

    public static SyntaxNode arg(SyntaxNode call, int index, String keyword) {
        SyntaxNode k = keyword == null ? null : kwarg(call, keyword);
        if (k != null) {
            return k;
        }
        List<SyntaxNode> p = positional(call);
        return index >= 0 && index < p.size() ? p.get(index) : null;
    }

    /** Whether the call passes {@code **kwargs} (its settings may come from there). */
    public static boolean hasKwargsSplat(SyntaxNode call) {
        SyntaxNode args = call.field("arguments");
        return args != null && args.namedChildren().stream().anyMatch(a -> a.is("dictionary_splat"));
    }

    /** The value of a plain string literal (no interpolation; adjacent literals joined), or null. */
    public static String str(SyntaxNode n) {
        if (n == null) {
            return null;
        }
        if (n.is("concatenated_string")) {
            StringBuilder b = new StringBuilder();
            for (SyntaxNode s : n.namedChildren()) {
                String v = str(s);
                if (v == null) {
                    return null;
                }
                b.append(v);
            }
            return b.toString();
        }
        if (!n.is("string") || n.childOfType("interpolation") != null) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (SyntaxNode c : n.namedChildren()) {
            if (c.is("string_content")) {
                b.append(c.text());
            }
        }
        return b.toString();
    }

    public static boolean isTrue(SyntaxNode n) {
        return n != null && n.is("true");
    }

    public static boolean isFalse(SyntaxNode n) {
        return n != null && n.is("false");
    }

    public static boolean isNone(SyntaxNode n) {
        return n != null && n.is("none");
    }

    /** The enclosing function definition, or null at module level. */
    public static SyntaxNode function(SyntaxNode n) {
        return n.ancestor("function_definition");
    }

    public static String functionName(SyntaxNode n) {
        SyntaxNode f = function(n);
        return f == null || f.field("name") == null ? null : f.field("name").text();
    }

    public static boolean isAsync(SyntaxNode fn) {
        return fn != null && !fn.children().isEmpty() && fn.children().get(0).is("async");
    }

    /** 1-based line of a node (for messages). */
    public static int line(CodeTree t, SyntaxNode n) {
        return t.file().lines().lineOf(n.start()) + 1;
    }

    /**
     * Local names bound by imports to what they name: {@code import subprocess as sp} maps sp to subprocess,
     * {@code from requests import get} maps get to requests.get.
     */
    public static Map<String, String> imports(CodeTree t) {
        Map<String, String> m = new HashMap<>();
        for (SyntaxNode s : t.all("import_statement")) {
            for (SyntaxNode n : s.fieldAll("name")) {
                if (n.is("aliased_import")) {
                    m.put(n.field("alias").text(), n.field("name").text());
                } else {
                    String d = n.text();
                    m.putIfAbsent(d.contains(".") ? d.substring(0, d.indexOf('.')) : d,
                            d.contains(".") ? d.substring(0, d.indexOf('.')) : d);
                }
            }
        }
        for (SyntaxNode s : t.all("import_from_statement")) {
            SyntaxNode mod = s.field("module_name");
            if (mod == null) {
                continue;
            }
            for (SyntaxNode n : s.fieldAll("name")) {
                if (n.is("aliased_import")) {
                    m.put(n.field("alias").text(), mod.text() + "." + n.field("name").text());
                } else {
                    m.put(n.text(), mod.text() + "." + n.text());
                }
            }
        }
        return m;
    }

    /** The callee with its first segment replaced by what an import binds it to. */
    public static String qualified(SyntaxNode call, Map<String, String> imports) {
        String c = callee(call);
        if (c.isEmpty()) {
            return c;
        }
        int dot = c.indexOf('.');
        String head = dot < 0 ? c : c.substring(0, dot);
        String q = imports.get(head);
        return q == null ? c : q + (dot < 0 ? "" : c.substring(dot));
    }

    /** Whether the file imports a module (or something from it): {@code flask}, {@code django}. */
    public static boolean importsModule(Map<String, String> imports, String module) {
        for (String v : imports.values()) {
            if (v.equals(module) || v.startsWith(module + ".")) {
                return true;
            }
        }
        return false;
    }
}

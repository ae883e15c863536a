package io.archlens.syntax.python;

import io.archlens.code.CodeFacts;
import io.archlens.code.ConfigRead;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.Locale;
import java.util.Map;

/**
 * Environment reads of pydantic settings classes ({@code class Settings(BaseSettings)}, pydantic 1 or
 * pydantic-settings 2): every annotated field is read from the variable of its name (with the class's
 * {@code env_prefix}; matched without regard to case unless the class says otherwise, so the upper-case spelling is
 * recorded too), or from the name its {@code Field(env=..., alias=..., validation_alias=...)} gives. A prefix that
 * is not a literal makes the class's reads unknown (a read without a key).
 */
final class PySettings {
    private PySettings() {
    }

    static void extract(CodeTree t, Map<String, String> imports, CodeFacts.Builder b) {
        for (SyntaxNode c : t.all("class_definition")) {
            if (!settingsClass(c, imports) || c.field("body") == null) {
                continue;
            }
            SyntaxNode body = c.field("body");
            String prefix = "";
            boolean knownPrefix = true;
            for (SyntaxNode a : assignments(body)) {
                if (a.field("left").text().equals("model_config") && a.field("right") != null
                        && a.field("right").is("call")) {
                    SyntaxNode p = Py.kwarg(a.field("right"), "env_prefix");
                    if (p != null) {
                        prefix = Py.str(p);
                        knownPrefix = prefix != null;
                    }
                }
            }
            for (SyntaxNode inner : body.namedChildren()) {
                if (inner.is("class_definition") && inner.field("name") != null
                        && inner.field("name").text().equals("Config") && inner.field("body") != null) {
                    for (SyntaxNode a : assignments(inner.field("body"))) {
                        if (a.field("left").text().equals("env_prefix") && a.field("right") != null) {
                            prefix = Py.str(a.field("right"));
                            knownPrefix = prefix != null;
                        }
                    }
                }
            }
            if (!knownPrefix) {
                b.configReads.add(new ConfigRead("env", null, null, c.field("name").range()));
                continue;
            }
            for (SyntaxNode a : assignments(body)) {
                String name = a.field("left").text();
                if (a.field("type") == null || name.startsWith("_") || name.equals("model_config")) {
                    continue;
                }
                SyntaxNode right = a.field("right");
                String alias = right != null && right.is("call") && Py.method(right).equals("Field") ? alias(right) : null;
                String key = alias != null ? alias : prefix + name;
                String fallback = fallback(right);
                b.configReads.add(new ConfigRead("env", key, fallback, a.range()));
                String upper = key.toUpperCase(Locale.ROOT);
                if (!upper.equals(key)) {
                    b.configReads.add(new ConfigRead("env", upper, fallback, a.range()));
                }
            }
        }
    }

    /** Subclasses {@code BaseSettings} from pydantic or pydantic_settings (as imported, or by that name). */
    private static boolean settingsClass(SyntaxNode c, Map<String, String> imports) {
        SyntaxNode sup = c.field("superclasses");
        if (sup == null) {
            return false;
        }
        for (SyntaxNode s : sup.namedChildren()) {
            String text = s.compactText();
            int dot = text.indexOf('.');
            String head = dot < 0 ? text : text.substring(0, dot);
            String q = imports.getOrDefault(head, head) + (dot < 0 ? "" : text.substring(dot));
            if (q.equals("pydantic.BaseSettings") || q.equals("pydantic_settings.BaseSettings")
                    || q.equals("BaseSettings")) {
                return true;
            }
        }
        return false;
    }

    private static java.util.List<SyntaxNode> assignments(SyntaxNode block) {
        java.util.List<SyntaxNode> out = new java.util.ArrayList<>();
        for (SyntaxNode st : block.namedChildren()) {
            if (st.is("expression_statement")) {
                for (SyntaxNode a : st.namedChildren()) {
                    if (a.is("assignment") && a.field("left") != null && a.field("left").is("identifier")) {
                        out.add(a);
                    }
                }
            }
        }
        return out;
    }

    /**
     * The field's default as text ({@code None} too: an optional setting), null when it has none (pydantic refuses
     * to start without the variable): no value, {@code Field(...)}, or a {@code Field} without a default.
     */
    private static String fallback(SyntaxNode right) {
        if (right == null) {
            return null;
        }
        if (right.is("call") && Py.method(right).equals("Field")) {
            SyntaxNode d = Py.arg(right, 0, "default");
            if (d != null && !d.is("ellipsis")) {
                return Py.str(d) != null ? Py.str(d) : d.text();
            }
            SyntaxNode f = Py.kwarg(right, "default_factory");
            return f == null ? null : f.text();
        }
        return Py.str(right) != null ? Py.str(right) : right.text();
    }

    private static String alias(SyntaxNode field) {
        for (String k : new String[] {"validation_alias", "alias", "env"}) {
            SyntaxNode v = Py.kwarg(field, k);
            if (v != null && Py.str(v) != null) {
                return Py.str(v);
            }
        }
        return null;
    }
}

package io.archlens.rules.js;

import io.archlens.analysis.RuleContext;
import io.archlens.core.TextRange;
import io.archlens.syntax.js.Js;
import io.archlens.syntax.js.JsModule;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Passport strategies built with a literal key: {@code new JwtStrategy({ secretOrKey: 'k' })} or an OAuth strategy
 * with a literal {@code clientSecret}/{@code consumerSecret}, the options given in place, through a variable or
 * {@code this.options}, and the key through a variable, {@code this.secret} or a later {@code opts.secretOrKey = ...}.
 * The API says the value is a key, so any non-blank literal counts, whatever it looks like.
 */
final class JsStrategies {
    private static final String[] KEYS = {"secretOrKey", "clientSecret", "consumerSecret"};

    private JsStrategies() {
    }

    static void report(CodeTree t, JsModule m, RuleContext ctx, Set<TextRange> seen) {
        Map<String, SyntaxNode> assigned = null;
        for (SyntaxNode n : t.all("new_expression")) {
            SyntaxNode ctor = n.field("constructor");
            SyntaxNode opts = Js.unwrap(Js.arg(n, 0));
            if (ctor == null || !ctor.text().endsWith("Strategy") || opts == null) {
                continue;
            }
            assigned = assigned != null ? assigned : assignments(t);
            SyntaxNode obj = resolve(m, opts, assigned);
            for (String k : KEYS) {
                SyntaxNode key = obj != null && obj.is("object") ? Js.prop(obj, k) : null;
                if (key == null) {
                    key = assigned.get(opts.text() + "." + k); // opts.clientSecret = '...'
                }
                SyntaxNode lit = key == null ? null : literal(m, key, assigned);
                if (lit == null) {
                    continue;
                }
                SyntaxNode at = opts.contains(key) ? Js.unwrap(key) : opts;
                if (seen.add(at.range())) {
                    ctx.report(at.range(), "The passport strategy's " + k + " is written in the source"
                            + (at.contains(lit) ? "" : " (line " + line(lit) + ")") + ": anyone with the "
                            + "repository can " + (k.equals("secretOrKey") ? "sign tokens the strategy accepts"
                            : "act as this OAuth client") + "; read it from the environment or a secret store");
                }
                break;
            }
        }
    }

    /** Member assignments of the file by their left side ({@code this.secret = ...}); the last one wins. */
    private static Map<String, SyntaxNode> assignments(CodeTree t) {
        Map<String, SyntaxNode> out = new HashMap<>();
        for (SyntaxNode a : t.all("assignment_expression")) {
            SyntaxNode l = a.field("left");
            if (l != null && l.is("member_expression") && a.field("right") != null) {
                out.put(l.text(), Js.unwrap(a.field("right")));
            }
        }
        return out;
    }

    private static SyntaxNode resolve(JsModule m, SyntaxNode e, Map<String, SyntaxNode> assigned) {
        e = Js.unwrap(e);
        if (e != null && e.is("identifier")) {
            return m.valueOf(e);
        }
        return e != null && e.is("member_expression") ? assigned.get(e.text()) : e;
    }

    private static SyntaxNode literal(JsModule m, SyntaxNode key, Map<String, SyntaxNode> assigned) {
        SyntaxNode k = Js.unwrap(key);
        if (k != null && k.is("member_expression")) {
            k = assigned.get(k.text());
        }
        return k == null ? null : JsKeys.literal(m, k, 0);
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

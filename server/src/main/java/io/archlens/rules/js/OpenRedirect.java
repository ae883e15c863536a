package io.archlens.rules.js;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.js.Js;
import io.archlens.syntax.js.JsModule;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;

/**
 * A redirect ({@code res.redirect}, {@code ctx.redirect}, {@code reply.redirect}) whose target starts with request
 * data ({@code req.query.next}, a variable taken from it): a link to this site then sends users anywhere, the
 * phishing helper. A target that starts with a fixed path ({@code '/users/' + id}) stays on the site and is fine.
 * A warning: request data is recognised by the usual names (req, request, ctx).
 */
final class OpenRedirect extends JsRule {
    OpenRedirect() {
        super(js("open-redirect", "Redirect to a URL taken from the request", Severity.WARNING, Category.SECURITY));
    }

    @Override
    void run(CodeTree t, JsModule m, RuleContext ctx) {
        for (SyntaxNode c : t.all("call_expression")) {
            SyntaxNode recv = Js.receiver(c);
            if (!Js.method(c).equals("redirect") || recv == null || !recv.text().matches("res|response|ctx|reply|h")) {
                continue;
            }
            var args = Js.args(c);
            if (args.isEmpty()) {
                continue;
            }
            SyntaxNode target = Js.unwrap(args.get(args.size() - 1));
            if (leading(m, target)) {
                ctx.report(target.range(), "The redirect target comes from the request (assumed from the names): a "
                        + "link to this site can send users to any site; redirect only to relative paths or a list "
                        + "of allowed hosts");
            }
        }
    }

    /** Request data at the start of the value (the part that picks the host). */
    private static boolean leading(JsModule m, SyntaxNode e) {
        e = Js.unwrap(e);
        if (e == null) {
            return false;
        }
        if (e.is("binary_expression") && "+".equals(e.field("operator").text())) {
            SyntaxNode left = Js.unwrap(e.field("left"));
            String scheme = Js.stringValue(left);
            // "https://" + host: the request picks the host
            return scheme != null && scheme.matches("(https?:)?//") ? leading(m, e.field("right")) : leading(m, left);
        }
        if (e.is("template_string")) {
            for (SyntaxNode c : e.namedChildren()) {
                if (c.is("string_fragment") && !c.text().matches("(https?:)?//")) {
                    return false;
                }
                if (c.is("template_substitution") && !c.namedChildren().isEmpty()) {
                    return leading(m, c.namedChildren().get(0));
                }
            }
            return false;
        }
        return m.fromRequest(e);
    }
}

package io.archlens.rules.js;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.js.Js;
import io.archlens.syntax.js.JsModule;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A redirect ({@code res.redirect}, {@code ctx.redirect}, {@code reply.redirect}) whose target starts with request
 * data ({@code req.query.next}, a variable taken from it): a link to this site then sends users anywhere, the
 * phishing helper. A target that starts with a fixed path ({@code '/users/' + id}) stays on the site and is fine.
 * A NestJS handler marked {@code @Redirect} that returns {@code { url: ... }} built from a {@code @Query},
 * {@code @Param}, {@code @Body} or {@code @Headers} parameter is the same redirect.
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
            if (leading(target, m::fromRequest)) {
                report(ctx, target);
            }
        }
        for (SyntaxNode body : t.all("class_body")) {
            boolean redirect = false;
            for (SyntaxNode c : body.namedChildren()) {
                if (c.is("decorator")) {
                    redirect |= decorated(c, Set.of("Redirect"));
                } else {
                    if (redirect && c.is("method_definition")) {
                        nestRedirect(c, ctx);
                    }
                    redirect = false;
                }
            }
        }
    }

    private static void report(RuleContext ctx, SyntaxNode target) {
        ctx.report(target.range(), "The redirect target comes from the request (assumed from the names): a "
                + "link to this site can send users to any site; redirect only to relative paths or a list "
                + "of allowed hosts");
    }

    /** {@code @Redirect() m(@Query('next') next) { return { url: next }; }} */
    private static void nestRedirect(SyntaxNode method, RuleContext ctx) {
        SyntaxNode params = method.field("parameters");
        SyntaxNode body = method.field("body");
        if (params == null || body == null) {
            return;
        }
        Set<String> fromRequest = new HashSet<>();
        for (SyntaxNode p : params.namedChildren()) {
            SyntaxNode name = p.field("pattern");
            if (name != null && name.is("identifier") && p.namedChildren().stream()
                    .anyMatch(d -> d.is("decorator") && decorated(d, Set.of("Query", "Param", "Body", "Headers")))) {
                fromRequest.add(name.text());
            }
        }
        if (fromRequest.isEmpty()) {
            return;
        }
        Predicate<SyntaxNode> isParam = e -> e.is("identifier") && fromRequest.contains(e.text())
                || e.is("member_expression") && e.field("object") != null && e.field("object").is("identifier")
                && fromRequest.contains(e.field("object").text());
        for (SyntaxNode r : body.descendants("return_statement")) {
            SyntaxNode o = r.namedChildren().isEmpty() ? null : Js.unwrap(r.namedChildren().get(0));
            SyntaxNode url = o != null && o.is("object") ? Js.prop(o, "url") : null;
            if (url != null && leading(Js.unwrap(url), isParam)) {
                report(ctx, Js.unwrap(url));
            }
        }
    }

    private static boolean decorated(SyntaxNode d, Set<String> names) {
        SyntaxNode e = d.namedChildren().isEmpty() ? null : d.namedChildren().get(0);
        String n = e == null ? "" : e.is("call_expression") ? Js.calleeText(e) : e.text();
        return names.contains(n.substring(n.lastIndexOf('.') + 1));
    }

    /** Request data at the start of the value (the part that picks the host). */
    private static boolean leading(SyntaxNode e, Predicate<SyntaxNode> request) {
        e = Js.unwrap(e);
        if (e == null) {
            return false;
        }
        if (e.is("binary_expression") && "+".equals(e.field("operator").text())) {
            SyntaxNode left = Js.unwrap(e.field("left"));
            String scheme = Js.stringValue(left);
            // "https://" + host: the request picks the host
            return scheme != null && scheme.matches("(https?:)?//") ? leading(e.field("right"), request) : leading(left, request);
        }
        if (e.is("template_string")) {
            for (SyntaxNode c : e.namedChildren()) {
                if (c.is("string_fragment") && !c.text().matches("(https?:)?//")) {
                    return false;
                }
                if (c.is("template_substitution") && !c.namedChildren().isEmpty()) {
                    return leading(c.namedChildren().get(0), request);
                }
            }
            return false;
        }
        return request.test(e);
    }
}

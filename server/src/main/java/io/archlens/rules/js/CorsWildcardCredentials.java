package io.archlens.rules.js;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.js.Js;
import io.archlens.syntax.js.JsModule;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;

/**
 * A CORS configuration object ({@code cors({...})}, {@code app.enableCors({...})}, {@code @fastify/cors}) with
 * {@code credentials: true} and an origin that admits every site: {@code true} or a match-all pattern reflect any
 * caller's origin, {@code '*'} is refused by browsers with credentials and gets "fixed" into the former.
 */
final class CorsWildcardCredentials extends JsRule {
    CorsWildcardCredentials() {
        super(js("cors-wildcard-credentials", "CORS allows every origin with credentials", Severity.ERROR,
                Category.SECURITY));
    }

    @Override
    void run(CodeTree t, JsModule m, RuleContext ctx) {
        for (SyntaxNode o : t.all("object")) {
            SyntaxNode creds = Js.prop(o, "credentials");
            SyntaxNode origin = Js.prop(o, "origin");
            if (creds == null || origin == null || !Js.isTrue(creds)) {
                continue;
            }
            String v = Js.stringValue(origin);
            boolean reflect = Js.isTrue(origin) || origin.is("regex") && origin.text().matches("/\\^?\\.[*+]\\$?/\\w*");
            if (reflect) {
                ctx.report(Js.pair(o, "origin").range(), "origin: " + origin.text() + " with credentials: true "
                        + "reflects any site's origin: every web page a logged-in user opens can call this API as that "
                        + "user and read the answers; list the allowed origins");
            } else if ("*".equals(v)) {
                ctx.report(Js.pair(o, "origin").range(), "origin: '*' with credentials: true: browsers refuse "
                        + "credentialed answers to '*', and the usual fix (origin: true) lets every site call the API "
                        + "as the user; list the allowed origins");
            }
        }
    }
}

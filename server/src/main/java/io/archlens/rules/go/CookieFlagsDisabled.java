package io.archlens.rules.go;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.go.Go;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;

/**
 * An {@code http.Cookie} or gorilla {@code sessions.Options} that turns a protection off in writing:
 * {@code Secure: false}, {@code HttpOnly: false}, or {@code SameSite: http.SameSiteNoneMode}.
 */
final class CookieFlagsDisabled extends GoRule {
    CookieFlagsDisabled() {
        super(go("cookie-flags-disabled", "Cookie protection turned off", Severity.WARNING, Category.SECURITY));
    }

    @Override
    void run(CodeTree t, RuleContext ctx) {
        for (GoCookies.Cookie c : GoCookies.of(t)) {
            if (GoCookies.isFalse(c.secure())) {
                ctx.report(c.secure().range(), "Secure: false lets this cookie travel over plain HTTP, where anyone "
                        + "on the network reads it (a session or token then gives away the account); set Secure: true");
            }
            if (GoCookies.isFalse(c.httpOnly())) {
                ctx.report(c.httpOnly().range(), "HttpOnly: false lets page scripts read this cookie, so one XSS "
                        + "steals the session; set HttpOnly: true (scripts that need a value can get it from an API)");
            }
            SyntaxNode same = Go.unwrap(c.sameSite());
            if (same != null && same.text().endsWith("SameSiteNoneMode")) {
                ctx.report(same.range(), "SameSite=None sends this cookie with requests other sites start, so "
                        + "their forms and scripts act with the user's session (CSRF); use http.SameSiteLaxMode or "
                        + "StrictMode unless the cookie must work in cross-site embeds");
            }
        }
    }
}

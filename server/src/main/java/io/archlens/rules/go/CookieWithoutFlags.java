package io.archlens.rules.go;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.treesitter.CodeTree;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code http.Cookie} or gorilla {@code sessions.Options} literal that does not set {@code Secure} or
 * {@code HttpOnly}, neither in the literal nor later on its variable. Strict profile: the warning assumes the cookie
 * identifies a user.
 */
final class CookieWithoutFlags extends GoRule {
    CookieWithoutFlags() {
        super(go("cookie-without-flags", "Cookie without Secure or HttpOnly", Severity.WARNING, Category.SECURITY));
    }

    @Override
    void run(CodeTree t, RuleContext ctx) {
        for (GoCookies.Cookie c : GoCookies.of(t)) {
            List<String> missing = new ArrayList<>();
            if (c.secure() == null) {
                missing.add("Secure");
            }
            if (c.httpOnly() == null) {
                missing.add("HttpOnly");
            }
            if (missing.isEmpty()) {
                continue;
            }
            ctx.report(c.literal().field("type").range(), "This " + c.type() + " does not set "
                    + String.join(" or ", missing) + " (assuming it carries a session or a token): without Secure it "
                    + "also travels over plain HTTP, without HttpOnly page scripts (and an XSS) can read it; set "
                    + String.join(": true, ", missing) + ": true (and SameSite)");
        }
    }
}

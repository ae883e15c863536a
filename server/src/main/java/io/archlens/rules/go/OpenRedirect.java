package io.archlens.rules.go;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.go.Go;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A redirect ({@code http.Redirect(w, r, target, code)}, gin's and echo's {@code c.Redirect(code, target)}) whose
 * target is request data, or starts with it after only a scheme, {@code //} or {@code /}, directly or through
 * variables of the function: a link to this site then sends users to any site. A target with a fixed path first
 * ({@code "/users/" + id}) stays on the site. {@code r.Host} is not request data here: a browser sends the host
 * of the link it follows, so {@code "https://" + r.Host + r.URL.Path} (the HTTP to HTTPS redirect) is fine.
 */
final class OpenRedirect extends GoRule {
    private static final Pattern LEADING = Pattern.compile("((https?:)?//|/)?");

    OpenRedirect() {
        super(go("open-redirect", "Redirect to a URL taken from the request", Severity.WARNING, Category.SECURITY));
    }

    @Override
    void run(CodeTree t, RuleContext ctx) {
        for (SyntaxNode call : t.all("call_expression")) {
            SyntaxNode fn = Go.function(call);
            if (fn == null) {
                continue;
            }
            Map<String, String> params = Go.params(fn);
            SyntaxNode target = null;
            if (Go.callee(call).equals("http.Redirect")) {
                target = Go.arg(call, 2);
            } else if (Go.method(call).equals("Redirect") && Go.receiver(call) != null
                    && Go.receiver(call).is("identifier") && framework(params.get(Go.receiver(call).text()))) {
                target = Go.arg(call, 1);
            }
            if (target != null && UrlFromRequest.host(Go.unwrap(target), fn, params, LEADING, 0)) {
                ctx.report(target.range(), "The redirect target comes from the request (judging by where it is "
                        + "read): a link to this site can send users to any site (phishing with this site's name); "
                        + "redirect only to relative paths you build or to an allow-list of hosts");
            }
        }
    }

    private static boolean framework(String type) {
        return type != null && (type.equals("*gin.Context") || type.equals("echo.Context") || type.equals("*fiber.Ctx"));
    }
}

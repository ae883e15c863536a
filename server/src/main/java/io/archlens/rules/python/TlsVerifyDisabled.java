package io.archlens.rules.python;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.python.Py;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;

/**
 * Certificate checks turned off: {@code verify=False} on a requests or httpx call, client or session
 * ({@code session.verify = False}), {@code ssl=False} on aiohttp, {@code ssl._create_unverified_context()}.
 */
final class TlsVerifyDisabled extends PythonRule {
    private static final java.util.Set<String> HTTP_METHODS = java.util.Set.of("get", "post", "put", "patch",
            "delete", "head", "options", "request", "send", "stream", "Client", "AsyncClient", "Session");

    TlsVerifyDisabled() {
        super(python("tls-verify-disabled", "TLS certificate verification turned off", Severity.ERROR,
                Category.SECURITY));
    }

    @Override
    void run(CodeTree f, RuleContext ctx) {
        calls(f, (call, q) -> {
            boolean http = q.startsWith("requests.") || q.startsWith("httpx.") || q.startsWith("aiohttp.")
                    || q.startsWith("urllib3.");
            SyntaxNode v = Py.kwarg(call, "verify");
            if (Py.isFalse(v) && (http || HTTP_METHODS.contains(Py.method(call)))) {
                report(ctx, v.parent(), Py.callee(call));
            }
            for (String k : new String[] {"ssl", "verify_ssl"}) {
                SyntaxNode s = Py.kwarg(call, k);
                if (Py.isFalse(s) && q.startsWith("aiohttp.") || Py.isFalse(s) && k.equals("verify_ssl")) {
                    report(ctx, s.parent(), Py.callee(call));
                }
            }
            if (q.equals("ssl._create_unverified_context")) {
                ctx.report(call.range(), "ssl._create_unverified_context() accepts any certificate: anyone on the "
                        + "path can read and change the traffic; use ssl.create_default_context()");
            }
        });
        for (SyntaxNode a : f.all("assignment")) {
            SyntaxNode left = a.field("left");
            if (left != null && left.is("attribute") && left.field("attribute").text().equals("verify")
                    && Py.isFalse(a.field("right"))) {
                ctx.report(a.range(), left.text() + " = False turns off certificate checks for every request of the "
                        + "session: anyone on the path can read and change the traffic; remove it (or point verify at "
                        + "a CA bundle)");
            }
        }
    }

    private static void report(RuleContext ctx, SyntaxNode kw, String callee) {
        ctx.report(kw.range(), callee + "(" + kw.text() + ") accepts any certificate: anyone on the path can read and "
                + "change the traffic, credentials included; remove it, or pass verify=\"/path/to/ca-bundle.pem\" for a "
                + "private CA");
    }
}

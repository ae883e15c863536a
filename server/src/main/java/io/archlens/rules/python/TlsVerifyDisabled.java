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
            SyntaxNode certReqs = Py.kwarg(call, "cert_reqs");
            if (certReqs != null && noVerification(certReqs)) {
                ctx.report(certReqs.parent().range(), Py.callee(call) + "(" + certReqs.parent().text() + ") does not "
                        + "require a valid certificate: anyone on the path can read and change the traffic; use "
                        + "ssl.CERT_REQUIRED (the default)");
            }
        });
        for (SyntaxNode n : f.all("attribute")) {
            if (n.compactText().equals("ssl._create_unverified_context")) {
                ctx.report(n.range(), "ssl._create_unverified_context accepts any certificate: anyone on the path can "
                        + "read and change the traffic; use ssl.create_default_context()");
            }
        }
        for (SyntaxNode a : f.all("assignment")) {
            SyntaxNode left = a.field("left");
            SyntaxNode right = a.field("right");
            if (left != null && left.is("attribute") && right != null
                    && (left.field("attribute").text().equals("verify_mode") && noVerification(right)
                    || left.field("attribute").text().equals("check_hostname") && Py.isFalse(right))) {
                ctx.report(a.range(), left.text() + " = " + right.text() + " turns off certificate checks on this "
                        + "context: anyone on the path can read and change the traffic; keep ssl.create_default_context()'s "
                        + "CERT_REQUIRED and check_hostname");
                continue;
            }
            if (left != null && left.is("attribute") && left.field("attribute").text().equals("verify")
                    && Py.isFalse(a.field("right"))) {
                ctx.report(a.range(), left.text() + " = False turns off certificate checks for every request of the "
                        + "session: anyone on the path can read and change the traffic; remove it (or point verify at "
                        + "a CA bundle)");
            }
        }
    }

    private static boolean noVerification(SyntaxNode v) {
        String t = v.text();
        String s = Py.str(v);
        return t.endsWith("CERT_NONE") || t.endsWith("CERT_OPTIONAL") || "NONE".equals(s) || "CERT_NONE".equals(s)
                || "OPTIONAL".equals(s) || "CERT_OPTIONAL".equals(s);
    }

    private static void report(RuleContext ctx, SyntaxNode kw, String callee) {
        ctx.report(kw.range(), callee + "(" + kw.text() + ") accepts any certificate: anyone on the path can read and "
                + "change the traffic, credentials included; remove it, or pass verify=\"/path/to/ca-bundle.pem\" for a "
                + "private CA");
    }
}

package io.archlens.rules.js;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.js.Js;
import io.archlens.syntax.js.JsModule;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;

/**
 * Certificate checks switched off: {@code rejectUnauthorized: false} in TLS, https, database or HTTP client
 * options (also assigned), and {@code process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'} for the whole process.
 */
final class TlsVerificationDisabled extends JsRule {
    TlsVerificationDisabled() {
        super(js("tls-verification-disabled", "TLS certificate verification disabled", Severity.ERROR,
                Category.SECURITY));
    }

    @Override
    void run(CodeTree t, JsModule m, RuleContext ctx) {
        for (SyntaxNode o : t.all("object")) {
            SyntaxNode v = Js.prop(o, "rejectUnauthorized");
            if (v != null && Js.isFalse(v)) {
                ctx.report(Js.pair(o, "rejectUnauthorized").range(), message("rejectUnauthorized: false"));
            }
        }
        for (SyntaxNode a : t.all("assignment_expression")) {
            SyntaxNode left = a.field("left");
            SyntaxNode right = Js.unwrap(a.field("right"));
            if (left == null || right == null) {
                continue;
            }
            String l = left.text().replace(" ", "").replace("'", "\"");
            if ((l.endsWith(".NODE_TLS_REJECT_UNAUTHORIZED") || l.endsWith("[\"NODE_TLS_REJECT_UNAUTHORIZED\"]"))
                    && ("0".equals(Js.stringValue(right)) || right.text().equals("0"))) {
                ctx.report(a.range(), "NODE_TLS_REJECT_UNAUTHORIZED = '0' turns off certificate checks for every TLS "
                        + "connection of the process: anyone on the network path can read and change the traffic; "
                        + "remove it and give the client the CA it needs (NODE_EXTRA_CA_CERTS, ca option)");
            } else if (l.endsWith(".rejectUnauthorized") && Js.isFalse(right)) {
                ctx.report(a.range(), message("rejectUnauthorized = false"));
            }
        }
    }

    private static String message(String what) {
        return what + " accepts any certificate: anyone on the network path can pose as the server and read or change "
                + "the traffic; trust the server's CA instead (ca: fs.readFileSync(...))";
    }
}

package io.archlens.rules.js;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.js.Js;
import io.archlens.syntax.js.JsModule;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;

/**
 * jsonwebtoken's {@code jwt.decode(token)} in a function that never calls {@code verify}: decode only splits the
 * token, so claims read this way are whatever the sender wrote. A warning: the rule assumes the claims decide who
 * the caller is; a function that also verifies (decode to read the key id, then verify) is left alone.
 */
final class JwtDecodeUnverified extends JsRule {
    JwtDecodeUnverified() {
        super(js("jwt-decode-unverified", "JWT decoded without verifying its signature", Severity.WARNING,
                Category.SECURITY));
    }

    @Override
    void run(CodeTree t, JsModule m, RuleContext ctx) {
        java.util.Set<SyntaxNode> verifying = new java.util.HashSet<>();
        boolean topLevel = false;
        for (SyntaxNode c : t.all("call_expression")) {
            String method = Js.method(c);
            if (method.equals("verify") || method.equals("jwtVerify") || method.equals("verifyAsync")) {
                SyntaxNode fn = Js.function(c);
                topLevel |= fn == null;
                verifying.add(fn);
            }
        }
        if (topLevel) {
            return;
        }
        for (SyntaxNode c : t.all("call_expression")) {
            if (verifying.contains(Js.function(c))) {
                continue;
            }
            SyntaxNode recv = Js.receiver(c);
            if (Js.method(c).equals("decode") && recv != null && recv.is("identifier")
                    && m.isModule(recv.text(), "jsonwebtoken")) {
                ctx.report(Js.callee(c).range(), "jwt.decode does not check the signature and this function never calls "
                        + "jwt.verify: if these claims identify the caller (assumed), anyone can forge them; use "
                        + "jwt.verify(token, key, { algorithms: [...] })");
            }
        }
    }
}

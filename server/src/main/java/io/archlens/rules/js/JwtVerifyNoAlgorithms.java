package io.archlens.rules.js;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.js.Js;
import io.archlens.syntax.js.JsModule;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.List;

/**
 * jsonwebtoken's {@code jwt.verify(token, key)} without an {@code algorithms} list (the token then chooses the
 * algorithm among those the key allows), or with {@code 'none'} in it. Options passed as a variable are not judged.
 */
final class JwtVerifyNoAlgorithms extends JsRule {
    JwtVerifyNoAlgorithms() {
        super(js("jwt-verify-no-algorithms", "jwt.verify without an algorithms list", Severity.WARNING,
                Category.SECURITY));
    }

    @Override
    void run(CodeTree t, JsModule m, RuleContext ctx) {
        for (SyntaxNode c : t.all("call_expression")) {
            SyntaxNode recv = Js.receiver(c);
            boolean verify = Js.method(c).equals("verify") && recv != null && recv.is("identifier")
                    && m.isModule(recv.text(), "jsonwebtoken")
                    || Js.callee(c) != null && Js.callee(c).is("identifier") && "jsonwebtoken".equals(
                            m.moduleOf(Js.callee(c).text())) && "verify".equals(m.importedName(Js.callee(c).text()));
            List<SyntaxNode> args = Js.args(c);
            if (Js.method(c).equals("verify") && recv != null && recv.is("identifier")
                    && "jose".equals(m.moduleOf(recv.text())) && args.size() >= 2
                    && args.get(1).text().replace(" ", "").endsWith("JWK.None")) {
                ctx.report(args.get(1).range(), "JWK.None accepts unsigned tokens: anyone can be any user; verify "
                        + "with the key you sign with");
                continue;
            }
            if (!verify || args.size() < 2) {
                continue;
            }
            SyntaxNode opts = args.size() > 2 ? Js.unwrap(args.get(2)) : null;
            if (opts != null && !opts.is("object") && !opts.isAny("arrow_function", "function_expression", "function")) {
                continue; // options from elsewhere
            }
            SyntaxNode algs = opts != null && opts.is("object") ? Js.prop(opts, "algorithms") : null;
            if (opts != null && opts.is("object") && Js.hasSpread(opts)) {
                continue;
            }
            if (algs == null) {
                ctx.report(Js.callee(c).range(), "jwt.verify without algorithms lets the token's header pick the "
                        + "algorithm (before jsonwebtoken 9 an RSA public key could then be used as an HMAC secret "
                        + "to forge tokens); pass { algorithms: ['RS256'] } (the one you sign with)");
            } else if (algs.text().toLowerCase(java.util.Locale.ROOT).matches("(?s).*['\"`]none['\"`].*")) {
                ctx.report(algs.range(), "algorithms includes 'none': an unsigned token passes verification and "
                        + "anyone can be any user; list only the algorithm you sign with");
            }
        }
    }
}

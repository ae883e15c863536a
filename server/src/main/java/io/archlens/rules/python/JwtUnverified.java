package io.archlens.rules.python;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.python.Py;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;

/**
 * A JWT decoded without checking its signature: PyJWT's {@code options={"verify_signature": False}} (or the old
 * {@code verify=False}), python-jose's {@code options={"verify_signature": False}}, or {@code "none"} among the
 * accepted algorithms.
 */
final class JwtUnverified extends PythonRule {
    JwtUnverified() {
        super(python("jwt-unverified", "JWT decoded without verifying its signature", Severity.ERROR,
                Category.SECURITY));
    }

    @Override
    void run(CodeTree f, RuleContext ctx) {
        calls(f, (call, q) -> {
            if (!(q.equals("jwt.decode") || q.equals("jose.jwt.decode") || q.equals("jwt.api_jwt.decode"))) {
                return;
            }
            SyntaxNode opts = Py.kwarg(call, "options");
            if (opts != null && opts.is("dictionary")) {
                for (SyntaxNode p : opts.namedChildren()) {
                    if (p.is("pair") && "verify_signature".equals(Py.str(p.field("key")))
                            && Py.isFalse(p.field("value"))) {
                        report(ctx, p);
                    }
                }
            }
            SyntaxNode verify = Py.kwarg(call, "verify");
            if (Py.isFalse(verify)) {
                report(ctx, verify.parent());
            }
            SyntaxNode algs = Py.kwarg(call, "algorithms");
            if (algs != null) {
                for (SyntaxNode s : algs.is("string") ? java.util.List.of(algs) : algs.namedChildren()) {
                    if ("none".equalsIgnoreCase(Py.str(s))) {
                        ctx.report(s.range(), "jwt.decode accepts alg \"none\": a token without a signature passes, "
                                + "so anyone can write their own claims; list only the algorithms you sign with");
                    }
                }
            }
        });
    }

    private static void report(RuleContext ctx, SyntaxNode n) {
        ctx.report(n.range(), "jwt.decode does not verify the signature: anyone can write a token with any claims "
                + "(user, roles) and it is accepted; pass the key and algorithms=[...] and keep verification on");
    }
}

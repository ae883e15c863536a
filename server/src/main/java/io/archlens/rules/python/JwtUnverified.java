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
        io.archlens.syntax.python.PyStrings strings = new io.archlens.syntax.python.PyStrings(f);
        calls(f, (call, q) -> {
            if (q.equals("jwt.encode") || q.equals("jose.jwt.encode")) {
                SyntaxNode alg = Py.kwarg(call, "algorithm");
                if ("none".equalsIgnoreCase(Py.str(alg))) {
                    ctx.report(alg.range(), "jwt.encode with algorithm \"none\" issues tokens without a signature: "
                            + "whoever accepts them accepts anyone's claims; sign with HS256/RS256 and a key");
                }
                return;
            }
            if (!(q.equals("jwt.decode") || q.equals("jose.jwt.decode") || q.equals("jwt.api_jwt.decode"))) {
                return;
            }
            SyntaxNode opts = Py.kwarg(call, "options");
            SyntaxNode where = opts;
            if (opts != null && opts.is("identifier")) {
                opts = strings.valueOf(call, opts.text());
            }
            if (opts != null && opts.is("dictionary")) {
                for (SyntaxNode p : opts.namedChildren()) {
                    SyntaxNode v = p.is("pair") ? p.field("value") : null;
                    if (v != null && v.is("identifier")) {
                        v = strings.valueOf(call, v.text());
                    }
                    if (p.is("pair") && "verify_signature".equals(Py.str(p.field("key"))) && Py.isFalse(v)) {
                        report(ctx, where == opts ? p : where.parent());
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

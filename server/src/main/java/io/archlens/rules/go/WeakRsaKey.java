package io.archlens.rules.go;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.go.Go;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;

/**
 * {@code rsa.GenerateKey(random, bits)} (or {@code GenerateMultiPrimeKey}) with fewer than 2048 bits written as a
 * number or a constant of the file: such keys are within reach of factoring and refused by current policies.
 */
final class WeakRsaKey extends GoRule {
    WeakRsaKey() {
        super(go("weak-rsa-key", "RSA key shorter than 2048 bits", Severity.ERROR, Category.SECURITY));
    }

    @Override
    void run(CodeTree t, RuleContext ctx) {
        for (SyntaxNode call : t.all("call_expression")) {
            String callee = Go.callee(call);
            int at = callee.equals("rsa.GenerateKey") ? 1 : callee.equals("rsa.GenerateMultiPrimeKey") ? 2 : -1;
            SyntaxNode bits = at < 0 ? null : Go.unwrap(Go.arg(call, at));
            SyntaxNode value = bits != null && bits.is("identifier") ? Go.valueOf(bits) : bits;
            Integer n = value != null && value.is("int_literal") ? parse(value.text()) : null;
            if (n != null && n < 2048) {
                ctx.report(bits.range(), "A " + n + "-bit RSA key can be factored with affordable computing and is "
                        + "refused by current TLS and signing policies; generate at least 2048 bits (3072 for keys "
                        + "that live long), or use ECDSA P-256 / Ed25519");
            }
        }
    }

    private static Integer parse(String s) {
        try {
            return Integer.decode(s.replace("_", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

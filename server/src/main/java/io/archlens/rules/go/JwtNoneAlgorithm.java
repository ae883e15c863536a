package io.archlens.rules.go;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;

/**
 * jwt-go's (golang-jwt's) {@code SigningMethodNone} or {@code UnsafeAllowNoneSignatureType} in production code: a
 * token signed with "none" carries no signature, and a service that issues or accepts them trusts whatever claims a
 * caller writes.
 */
final class JwtNoneAlgorithm extends GoRule {
    JwtNoneAlgorithm() {
        super(go("jwt-none-algorithm", "JWT with the none algorithm", Severity.ERROR, Category.SECURITY));
    }

    @Override
    void run(CodeTree t, RuleContext ctx) {
        String text = t.file().text();
        if (!text.contains("SigningMethodNone") && !text.contains("UnsafeAllowNoneSignatureType")) {
            return; // most files: no walk over every selector
        }
        for (SyntaxNode s : t.all("selector_expression")) {
            SyntaxNode field = s.field("field");
            String name = field == null ? "" : field.text();
            if (name.equals("SigningMethodNone") || name.equals("UnsafeAllowNoneSignatureType")) {
                ctx.report(s.range(), s.text() + " makes tokens without a signature: anyone can write a token with "
                        + "any claims (any user, any role) and it is taken as genuine; sign with HS256/RS256/EdDSA "
                        + "and verify with the expected method only");
            }
        }
    }
}

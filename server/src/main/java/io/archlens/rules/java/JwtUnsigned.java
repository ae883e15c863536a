package io.archlens.rules.java;

import com.github.javaparser.ast.expr.MethodCallExpr;
import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.java.JavaFile;
import io.archlens.syntax.java.Jx;
import java.util.Set;

/**
 * Tokens issued without a signature: java-jwt's {@code Algorithm.none()}, or a JJWT {@code Jwts.builder()} chain
 * that reaches {@code compact()} without {@code signWith}.
 */
final class JwtUnsigned extends JavaRule {
    JwtUnsigned() {
        super(java("jwt-unsigned", "JWT issued without a signature", Severity.ERROR, Category.SECURITY));
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        for (MethodCallExpr c : f.all(MethodCallExpr.class)) {
            String scope = c.getScope().map(f::printed).orElse("");
            if (c.getNameAsString().equals("none") && scope.equals("Algorithm") && c.getArguments().isEmpty()) {
                ctx.report(f.range(c), "Algorithm.none() makes tokens anyone can write: the signature is empty, so "
                        + "any claims (another user, an admin role) pass; sign with HMAC256 and a secret from "
                        + "configuration, or RS256/ES256");
            } else if (c.getNameAsString().equals("builder") && scope.equals("Jwts")) {
                Set<String> names = Jx.chainNames(c);
                if (names.contains("compact") && !names.contains("signWith")) {
                    ctx.report(f.range(c), "This JWT is built without signWith: compact() gives an unsigned token "
                            + "(alg none) that anyone can forge; sign it with signWith(key)");
                }
            }
        }
    }
}

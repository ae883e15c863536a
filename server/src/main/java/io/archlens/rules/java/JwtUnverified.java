package io.archlens.rules.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.java.JavaFile;
import io.archlens.syntax.java.Jx;
import java.util.Set;

/**
 * A JWT read without checking its signature: jjwt's unsecured parse methods ({@code parseClaimsJwt},
 * {@code parseUnsecuredClaims}, a bare {@code parse(token)} that also accepts {@code alg: none}), or auth0's
 * {@code JWT.decode} in a method that never calls {@code verify}.
 */
final class JwtUnverified extends JavaRule {
    private static final Set<String> UNSIGNED = Set.of("parseClaimsJwt", "parsePlaintextJwt", "parseUnsecuredClaims",
            "parseUnsecuredContent", "parseContentJwt");

    JwtUnverified() {
        super(java("jwt-unverified", "JWT used without verifying its signature", Severity.ERROR, Category.SECURITY));
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        if (!f.types().importsFrom("io.jsonwebtoken") && !f.types().importsFrom("com.auth0.jwt")) {
            return;
        }
        for (MethodCallExpr c : f.all(MethodCallExpr.class)) {
            String n = c.getNameAsString();
            if (UNSIGNED.contains(n) || n.equals("parse") && c.getArguments().size() == 1 && jjwtParser(c)) {
                ctx.report(f.nameRange(c), n + "() accepts a token without a signature check (an unsigned "
                        + "alg:none token passes): anyone can forge its claims; use parseSignedClaims/parseClaimsJws "
                        + "with the verification key");
            } else if (n.equals("decode") && c.getScope().map(s -> s.toString().equals("JWT")).orElse(false)
                    && Jx.callable(c).map(m -> m.findAll(MethodCallExpr.class).stream()
                            .noneMatch(x -> x.getNameAsString().equals("verify"))).orElse(true)) {
                ctx.report(f.nameRange(c), "JWT.decode() only splits the token, it does not check the signature: its "
                        + "claims are whatever the sender wrote; use JWT.require(algorithm).build().verify(token)");
            }
        }
    }

    /** {@code Jwts.parser()...parse(x)}: the chain starts at {@code Jwts.parser()/parserBuilder()}. */
    private static boolean jjwtParser(MethodCallExpr c) {
        Expression cur = c.getScope().orElse(null);
        while (cur instanceof MethodCallExpr m) {
            if ((m.getNameAsString().equals("parser") || m.getNameAsString().equals("parserBuilder"))
                    && m.getScope().map(s -> s.toString().equals("Jwts")).orElse(false)) {
                return true;
            }
            cur = m.getScope().orElse(null);
        }
        return false;
    }
}

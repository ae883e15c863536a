package io.archlens.rules.java;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.java.JavaFile;
import java.util.Set;

/**
 * Host names not checked against the certificate: {@code NoopHostnameVerifier}, {@code AllowAllHostnameVerifier},
 * {@code ALLOW_ALL_HOSTNAME_VERIFIER}, or a verifier that returns {@code true}.
 */
final class HostnameVerificationDisabled extends JavaRule {
    private static final Set<String> NOOP = Set.of("NoopHostnameVerifier", "AllowAllHostnameVerifier");
    private static final String MESSAGE = "Host names are not checked against the certificate: any valid certificate "
            + "(for any site) is accepted, so a man in the middle passes; use the default verifier";

    HostnameVerificationDisabled() {
        super(java("hostname-verification-disabled", "TLS host name verification disabled", Severity.ERROR,
                Category.SECURITY));
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        for (ObjectCreationExpr oc : f.all(ObjectCreationExpr.class)) {
            if (NOOP.contains(oc.getType().getNameAsString())) {
                ctx.report(f.range(oc.getType()), MESSAGE);
            }
        }
        for (FieldAccessExpr a : f.all(FieldAccessExpr.class)) {
            if (a.getNameAsString().equals("INSTANCE") && NOOP.contains(a.getScope().toString())
                    || a.getNameAsString().equals("ALLOW_ALL_HOSTNAME_VERIFIER")) {
                ctx.report(f.range(a), MESSAGE);
            }
        }
        for (MethodCallExpr c : f.all(MethodCallExpr.class)) {
            String n = c.getNameAsString();
            if ((n.equals("setHostnameVerifier") || n.equals("hostnameVerifier") || n.equals("setDefaultHostnameVerifier"))
                    && c.getArguments().size() == 1 && alwaysTrue(c.getArgument(0))) {
                ctx.report(f.range(c.getArgument(0)), MESSAGE);
            }
        }
        for (MethodDeclaration m : f.all(MethodDeclaration.class)) {
            if (m.getNameAsString().equals("verify") && m.getParameters().size() == 2
                    && m.getParameter(1).getType().asString().endsWith("SSLSession")
                    && m.getBody().map(b -> b.getStatements().size() == 1 && b.getStatement(0) instanceof ReturnStmt r
                            && r.getExpression().map(e -> e.toString().equals("true")).orElse(false)).orElse(false)) {
                ctx.report(f.nameRange(m), MESSAGE);
            }
        }
    }

    private static boolean alwaysTrue(Expression e) {
        return e instanceof LambdaExpr l && l.getExpressionBody().map(b -> b.toString().equals("true")).orElse(false);
    }
}

package io.archlens.rules.java;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.java.JavaFile;
import java.util.Set;

/**
 * Certificate checks switched off: a trust manager whose {@code checkServerTrusted} does nothing,
 * {@code TrustAllStrategy}/{@code TrustSelfSignedStrategy}, Netty's {@code InsecureTrustManagerFactory}, or a
 * {@code loadTrustMaterial} strategy that answers {@code true}.
 */
final class TrustAllCertificates extends JavaRule {
    private static final Set<String> STRATEGIES = Set.of("TrustAllStrategy", "TrustSelfSignedStrategy");
    private static final String MESSAGE = "Certificates are not checked: anyone on the network path can impersonate the "
            + "server and read or change the traffic; trust the real CA (a truststore with the internal CA) instead";

    TrustAllCertificates() {
        super(java("trust-all-certificates", "TLS certificate validation disabled", Severity.ERROR, Category.SECURITY));
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        for (MethodDeclaration m : f.all(MethodDeclaration.class)) {
            if (m.getNameAsString().equals("checkServerTrusted") && m.getBody().map(b -> b.getStatements().isEmpty())
                    .orElse(false)) {
                ctx.report(f.nameRange(m), MESSAGE);
            }
        }
        for (ObjectCreationExpr oc : f.all(ObjectCreationExpr.class)) {
            if (STRATEGIES.contains(oc.getType().getNameAsString())) {
                ctx.report(f.range(oc.getType()), MESSAGE);
            }
        }
        for (FieldAccessExpr a : f.all(FieldAccessExpr.class)) {
            String s = a.getScope().toString();
            if (a.getNameAsString().equals("INSTANCE") && (STRATEGIES.contains(s) || s.equals("InsecureTrustManagerFactory"))) {
                ctx.report(f.range(a), MESSAGE);
            }
        }
        for (MethodCallExpr c : f.all(MethodCallExpr.class)) {
            if (c.getNameAsString().equals("loadTrustMaterial")) {
                c.getArguments().stream().filter(LambdaExpr.class::isInstance).map(LambdaExpr.class::cast)
                        .filter(l -> l.getExpressionBody().map(e -> e.toString().equals("true")).orElse(false))
                        .forEach(l -> ctx.report(f.range(l), MESSAGE));
            }
        }
    }
}

package io.archlens.rules.java;

import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.java.JavaFile;
import io.archlens.syntax.java.Jx;
import java.util.List;
import java.util.Set;

/**
 * Any origin allowed together with credentials: {@code @CrossOrigin(origins = "*", allowCredentials = "true")},
 * a registry chain {@code allowedOriginPatterns("*") ... allowCredentials(true)}, or a {@code CorsConfiguration}
 * given {@code "*"} and {@code setAllowCredentials(true)} in one method.
 */
final class CorsWildcardCredentials extends JavaRule {
    private static final Set<String> ORIGIN_SETTERS = Set.of("allowedOrigins", "allowedOriginPatterns",
            "setAllowedOrigins", "setAllowedOriginPatterns", "addAllowedOrigin", "addAllowedOriginPattern");

    CorsWildcardCredentials() {
        super(java("cors-wildcard-credentials", "CORS allows any origin with credentials", Severity.ERROR,
                Category.SECURITY));
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        for (AnnotationExpr a : f.all(AnnotationExpr.class)) {
            if (!a.getName().getIdentifier().equals("CrossOrigin") || !a.isNormalAnnotationExpr()) {
                continue;
            }
            Expression star = null;
            boolean credentials = false;
            for (MemberValuePair p : a.asNormalAnnotationExpr().getPairs()) {
                String n = p.getNameAsString();
                if ((n.equals("origins") || n.equals("value") || n.equals("originPatterns")) && star(p.getValue()) != null) {
                    star = star(p.getValue());
                }
                credentials |= n.equals("allowCredentials") && p.getValue().isStringLiteralExpr()
                        && p.getValue().asStringLiteralExpr().getValue().equalsIgnoreCase("true");
            }
            if (star != null && credentials) {
                report(f, ctx, star);
            }
        }
        for (MethodCallExpr c : f.all(MethodCallExpr.class)) {
            if (!ORIGIN_SETTERS.contains(c.getNameAsString())) {
                continue;
            }
            Expression star = c.getArguments().stream().map(CorsWildcardCredentials::star).filter(s -> s != null)
                    .findFirst().orElse(null);
            if (star == null) {
                continue;
            }
            // a registry chain says it in the chain; a CorsConfiguration in calls on the same variable
            String var = Jx.scopeName(c);
            boolean credentials = credentialsInChain(c) || var != null && !c.getNameAsString().startsWith("allowed")
                    && Jx.callable(c).map(m -> m.findAll(MethodCallExpr.class).stream()
                            .anyMatch(x -> var.equals(Jx.scopeName(x)) && allowsCredentials(x))).orElse(false);
            if (credentials) {
                report(f, ctx, star);
            }
        }
    }

    private static boolean credentialsInChain(MethodCallExpr c) {
        Expression top = Jx.chainTop(c);
        for (MethodCallExpr m : top.findAll(MethodCallExpr.class)) {
            if (allowsCredentials(m)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allowsCredentials(MethodCallExpr m) {
        String n = m.getNameAsString();
        return (n.equals("allowCredentials") || n.equals("setAllowCredentials")) && m.getArguments().size() == 1
                && m.getArgument(0).isBooleanLiteralExpr() && m.getArgument(0).asBooleanLiteralExpr().getValue();
    }

    /** The {@code "*"} literal in a value (a string, an array initializer, List.of/Arrays.asList), or null. */
    private static Expression star(Expression v) {
        if (v.isStringLiteralExpr()) {
            return v.asStringLiteralExpr().getValue().equals("*") ? v : null;
        }
        List<Expression> items = v.isArrayInitializerExpr() ? v.asArrayInitializerExpr().getValues()
                : v.isMethodCallExpr() ? v.asMethodCallExpr().getArguments() : List.of();
        for (Expression e : items) {
            if (e.isStringLiteralExpr() && e.asStringLiteralExpr().getValue().equals("*")) {
                return e;
            }
        }
        return null;
    }

    private static void report(JavaFile f, RuleContext ctx, Expression star) {
        ctx.report(f.range(star), "CORS allows every origin and credentials: any website a user visits can call this "
                + "API with the user's cookies and read the answer; list the trusted origins instead of \"*\"");
    }
}

package io.archlens.rules.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.java.JavaFile;
import java.util.Set;

/**
 * {@code permitAll()} on every actuator endpoint: {@code requestMatchers("/actuator/**").permitAll()} or
 * {@code EndpointRequest.toAnyEndpoint()}. Health and info alone are fine.
 */
final class ActuatorPermitAll extends JavaRule {
    private static final Set<String> MATCHERS = Set.of("requestMatchers", "antMatchers", "mvcMatchers",
            "pathMatchers", "securityMatcher", "requestMatcher");

    ActuatorPermitAll() {
        super(java("actuator-permit-all", "All actuator endpoints open to anyone", Severity.ERROR, Category.SECURITY));
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        for (MethodCallExpr c : f.all(MethodCallExpr.class)) {
            if (!MATCHERS.contains(c.getNameAsString()) || !permitted(c)) {
                continue;
            }
            for (Expression a : c.getArguments()) {
                boolean all = a.isStringLiteralExpr() && a.asStringLiteralExpr().getValue().matches("(/\\*\\*)?/actuator/\\*\\*?")
                        || a.isMethodCallExpr() && a.asMethodCallExpr().getNameAsString().equals("toAnyEndpoint")
                                && !a.toString().contains("excluding");
                if (all) {
                    ctx.report(f.range(a), "Every actuator endpoint is open to anyone: env, configprops, heapdump and "
                            + "loggers leak secrets or change the running service; permit only health and info and "
                            + "require a role for the rest");
                }
            }
        }
    }

    private static boolean permitted(MethodCallExpr c) {
        return c.getParentNode().filter(p -> p instanceof MethodCallExpr m && m.getScope().orElse(null) == c
                && m.getNameAsString().equals("permitAll")).isPresent();
    }
}

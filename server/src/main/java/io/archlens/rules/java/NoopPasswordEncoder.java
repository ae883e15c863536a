package io.archlens.rules.java;

import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.java.JavaFile;

/** Passwords stored as they are: {@code NoOpPasswordEncoder}, or a {@code "{noop}..."} password literal. */
final class NoopPasswordEncoder extends JavaRule {
    NoopPasswordEncoder() {
        super(java("noop-password-encoder", "Passwords stored in plain text", Severity.ERROR, Category.SECURITY));
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        for (MethodCallExpr c : f.all(MethodCallExpr.class)) {
            if (c.getNameAsString().equals("getInstance") && c.getScope().map(s -> s.toString().endsWith(
                    "NoOpPasswordEncoder")).orElse(false)) {
                report(f, ctx, c);
            }
        }
        for (FieldAccessExpr a : f.all(FieldAccessExpr.class)) {
            if (a.getNameAsString().equals("INSTANCE") && a.getScope().toString().endsWith("NoOpPasswordEncoder")) {
                report(f, ctx, a);
            }
        }
        for (StringLiteralExpr s : f.all(StringLiteralExpr.class)) {
            if (s.getValue().startsWith("{noop}") && s.getValue().length() > "{noop}".length()) {
                ctx.report(f.range(s), "A {noop} password is stored and compared in plain text; store a "
                        + "{bcrypt}/{argon2} hash (PasswordEncoderFactories.createDelegatingPasswordEncoder())");
            }
        }
    }

    private static void report(JavaFile f, RuleContext ctx, com.github.javaparser.ast.Node n) {
        ctx.report(f.range(n), "NoOpPasswordEncoder keeps passwords in plain text: a database leak is every user's "
                + "password; use BCryptPasswordEncoder or PasswordEncoderFactories.createDelegatingPasswordEncoder()");
    }
}

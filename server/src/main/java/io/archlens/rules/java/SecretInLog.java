package io.archlens.rules.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.secrets.SecretKeys;
import io.archlens.syntax.java.Decls;
import io.archlens.syntax.java.JavaFile;
import io.archlens.syntax.java.StringTracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A password, token or secret passed to a log call: an argument (or a piece of a concatenated argument) that is a
 * variable, field or getter with a secret-like name ({@code password}, {@code getApiKey()}), of a text type when
 * its declaration is in view.
 */
final class SecretInLog extends JavaRule {
    private static final Set<String> LEVELS = Set.of("trace", "debug", "info", "warn", "error", "fatal", "log",
            "printf", "println");
    private static final Set<String> TEXT_TYPES = Set.of("String", "char[]", "CharSequence", "Object");

    SecretInLog() {
        super(java("secret-in-log", "Secret written to the log", Severity.WARNING, Category.SECURITY));
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        for (MethodCallExpr c : f.all(MethodCallExpr.class)) {
            if (!LEVELS.contains(c.getNameAsString()) || !logger(c)) {
                continue;
            }
            for (Expression a : c.getArguments()) {
                List<Expression> parts = new ArrayList<>();
                StringTracker.flatten(a, parts);
                for (Expression p : parts) {
                    String name = secretName(p);
                    if (name != null) {
                        ctx.report(f.range(p), name + " is written to the log: logs are kept, shipped and read by "
                                + "many more people than the secret's owners; log that it is set, never its value");
                    }
                }
            }
        }
    }

    private static boolean logger(MethodCallExpr c) {
        String s = c.getScope().map(Expression::toString).orElse("").toLowerCase(Locale.ROOT);
        return s.equals("log") || s.equals("logger") || s.endsWith(".log") || s.endsWith("logger")
                || s.equals("system.out") || s.equals("system.err");
    }

    /** The secret-like name a value is read from, or null. */
    private static String secretName(Expression p) {
        String name = null;
        if (p.isNameExpr()) {
            name = p.asNameExpr().getNameAsString();
            String type = Decls.typeOf(p, name);
            if (type != null && !TEXT_TYPES.contains(type)) {
                return null;
            }
        } else if (p.isFieldAccessExpr()) {
            name = p.asFieldAccessExpr().getNameAsString();
        } else if (p.isMethodCallExpr() && p.asMethodCallExpr().getArguments().isEmpty()
                && p.asMethodCallExpr().getNameAsString().startsWith("get")) {
            name = p.asMethodCallExpr().getNameAsString().substring(3);
        }
        return name != null && SecretKeys.isSecretKey(name) ? name : null;
    }
}

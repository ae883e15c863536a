package io.archlens.rules.java;

import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.secrets.SecretKeys;
import io.archlens.secrets.SecretScanner;
import io.archlens.secrets.SecretType;
import io.archlens.secrets.SecretValues;
import io.archlens.syntax.java.JavaFile;
import java.util.HashSet;
import java.util.Set;

/**
 * A credential written in the source, judged by the one secret detector ({@code secrets/}): a string literal with a
 * vendor token's shape anywhere (tests included), or a literal given to a secret-named variable, field or setter
 * ({@code password}, {@code apiKey}, {@code setClientSecret(...)}) or to java-jwt's {@code Algorithm.HMAC256(...)}
 * in production code.
 */
final class HardcodedSecret extends JavaRule {
    HardcodedSecret() {
        super(java("hardcoded-secret", "Secret written in the source code", Severity.WARNING, Category.SECURITY));
    }

    @Override
    protected boolean inTests() {
        return true;
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        Set<TextRange> seen = new HashSet<>();
        for (StringLiteralExpr s : f.all(StringLiteralExpr.class)) {
            SecretType t = SecretScanner.shape(null, s.getValue());
            // tests are full of sample JWTs (expired, signed with a test key): a token shape there is a credential
            // only when it is one of the vendors' keys
            if (t != null && !(f.isTest() && t == SecretType.JWT) && seen.add(f.range(s))) {
                ctx.report(f.range(s), "This string looks like " + t.description() + ": anyone with the repository "
                        + "can use it; revoke it and read it from the environment or a secret store");
            }
        }
        if (f.isTest()) {
            return;
        }
        for (VariableDeclarator v : f.all(VariableDeclarator.class)) {
            v.getInitializer().ifPresent(init -> named(f, ctx, v.getNameAsString(), init, seen));
        }
        for (AssignExpr a : f.all(AssignExpr.class)) {
            Expression t = a.getTarget();
            String name = t.isNameExpr() ? t.asNameExpr().getNameAsString()
                    : t.isFieldAccessExpr() ? t.asFieldAccessExpr().getNameAsString() : null;
            if (name != null) {
                named(f, ctx, name, a.getValue(), seen);
            }
        }
        for (MethodCallExpr c : f.all(MethodCallExpr.class)) {
            String n = c.getNameAsString();
            if (n.length() > 3 && n.startsWith("set") && c.getArguments().size() == 1) {
                named(f, ctx, n.substring(3), c.getArgument(0), seen);
            } else if (n.matches("HMAC(256|384|512)") && c.getArguments().size() == 1
                    && c.getScope().map(s -> s.toString().equals("Algorithm")).orElse(false)) {
                named(f, ctx, "signingSecret", c.getArgument(0), seen); // java-jwt's HMAC key
            }
        }
    }

    private static void named(JavaFile f, RuleContext ctx, String name, Expression value, Set<TextRange> seen) {
        if (!value.isStringLiteralExpr() || !SecretKeys.isSecretKey(name)) {
            return;
        }
        String v = value.asStringLiteralExpr().getValue();
        if (v.length() < 4 || !SecretValues.isLiteral(v) || v.contains(" ") || v.startsWith("${")
                || SecretKeys.isLabel(name, v) // JWT_ACCOUNT_KEY = "acct": a claim's name, not a key
                || v.matches("\\{[A-Za-z0-9-]+}")) { // an encoder prefix such as {noop} or {bcrypt}
            return;
        }
        TextRange r = f.range(value);
        if (seen.add(r)) {
            ctx.report(r, name + " is written as a literal in the source: anyone with the repository has it; read it "
                    + "from the environment or a secret store (@Value(\"${...}\"), System.getenv)");
        }
    }
}

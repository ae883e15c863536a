package io.archlens.rules.java;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.java.JavaFile;
import io.archlens.syntax.java.Jx;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A predictable generator ({@code java.util.Random}, {@code Math.random()}, {@code ThreadLocalRandom}) whose values
 * become a token, password, salt, nonce or code: judged by the names around it (the method, the variable it is
 * stored in, and for a field the methods that use it).
 */
final class InsecureRandomToken extends JavaRule {
    private static final Pattern SECRETISH = Pattern.compile(
            "token|secret|password|passwd|nonce|salt|otp|apikey|sessionid|resetcode|verificationcode|csrf|"
                    + "activationcode|invitecode|pin\\b");

    InsecureRandomToken() {
        super(java("insecure-random-token", "Predictable random numbers used for a secret", Severity.WARNING,
                Category.SECURITY).withFix());
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        for (ObjectCreationExpr oc : f.all(ObjectCreationExpr.class)) {
            if (Jx.creates(f, oc, "java.util.Random") && secretUse(f, oc)) {
                List<Edit> edits = new ArrayList<>();
                edits.add(Edit.replace(f.range(oc.getType()), "java.security.SecureRandom"));
                ctx.report(f.range(oc.getType()), message("java.util.Random"),
                        Fix.unsafe("Use java.security.SecureRandom", edits.toArray(Edit[]::new)));
            }
        }
        for (MethodCallExpr c : f.all(MethodCallExpr.class)) {
            boolean math = Jx.isStaticCall(f, c, "java.lang.Math", "random");
            boolean tlr = Jx.isStaticCall(f, c, "java.util.concurrent.ThreadLocalRandom", "current");
            if ((math || tlr) && secretUse(f, c)) {
                ctx.report(f.nameRange(c), message(math ? "Math.random()" : "ThreadLocalRandom"));
            }
        }
    }

    private static String message(String what) {
        return what + " is predictable (a few outputs reveal the seed) and its values are used for a token or "
                + "secret here, judging by the names: use java.security.SecureRandom";
    }

    private static boolean secretUse(JavaFile f, Expression e) {
        StringBuilder words = new StringBuilder(Jx.callable(e).map(c -> c.getNameAsString()).orElse(""));
        Expression top = Jx.chainTop(e);
        while (top.getParentNode().orElse(null) instanceof Expression p && !(p instanceof LambdaExpr)) {
            top = p;
        }
        String var = Jx.storedIn(top);
        if (var != null) {
            words.append(' ').append(var);
        }
        if (var != null && Jx.callable(e).isEmpty()) {
            // a field: the methods of the class that use it
            Jx.type(e).map(ClassOrInterfaceDeclaration::getMethods).orElse(List.of()).stream()
                    .filter(m -> m.findAll(NameExpr.class).stream().anyMatch(n -> n.getNameAsString().equals(var))
                            || f.text(m).contains(var + "."))
                    .map(MethodDeclaration::getNameAsString).forEach(n -> words.append(' ').append(n));
        }
        return SECRETISH.matcher(words.toString().toLowerCase(Locale.ROOT)).find();
    }
}

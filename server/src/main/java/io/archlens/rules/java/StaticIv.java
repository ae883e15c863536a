package io.archlens.rules.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.java.Decls;
import io.archlens.syntax.java.JavaFile;
import java.util.Optional;

/**
 * An initialization vector or nonce written into the code: {@code new IvParameterSpec(x)} or
 * {@code new GCMParameterSpec(n, x)} where {@code x} is an array literal, the bytes of a string literal or constant, or a variable
 * initialised with one and never filled afterwards ({@code nextBytes}, an element assignment, a reassignment).
 */
final class StaticIv extends JavaRule {
    StaticIv() {
        super(java("static-iv", "Constant IV or nonce", Severity.ERROR, Category.SECURITY));
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        for (ObjectCreationExpr oc : f.all(ObjectCreationExpr.class)) {
            String t = oc.getType().getNameAsString();
            int at = t.equals("IvParameterSpec") ? 0 : t.equals("GCMParameterSpec") ? 1 : -1;
            if (at < 0 || oc.getArguments().size() <= at) {
                continue;
            }
            Expression iv = oc.getArgument(at);
            if (fixed(iv)) {
                ctx.report(f.range(iv), t + " gets bytes written in the code: the same IV for every message lets "
                        + "an observer see equal plaintexts (CBC) or recover the key stream (GCM, CTR); generate "
                        + "a fresh one per message with SecureRandom.nextBytes and send it with the ciphertext");
                continue;
            }
            if (!iv.isNameExpr()) {
                continue;
            }
            String name = iv.asNameExpr().getNameAsString();
            Optional<Decls.Decl> d = Decls.find(iv, name);
            VariableDeclarator v = d.map(Decls.Decl::variable).orElse(null);
            if (v == null || v.getInitializer().map(i -> !fixed(i)).orElse(true) || filled(v, name)) {
                continue;
            }
            int line = f.file().lines().lineOf(f.range(oc).start()) + 1;
            ctx.report(f.range(v.getName()), "IV '" + name + "' is written in the code and used by " + t
                    + " at line " + line + ": the same IV for every message lets an observer see equal plaintexts "
                    + "(CBC) or recover the key stream (GCM, CTR); fill it per message with SecureRandom.nextBytes "
                    + "and send it with the ciphertext");
        }
    }

    /** An array literal with values, or the bytes of a string literal. */
    private static boolean fixed(Expression e) {
        if (e.isArrayInitializerExpr()) {
            return !e.asArrayInitializerExpr().getValues().isEmpty();
        }
        if (e.isArrayCreationExpr()) {
            return e.asArrayCreationExpr().getInitializer().map(i -> !i.getValues().isEmpty()).orElse(false);
        }
        return e.isMethodCallExpr() && e.asMethodCallExpr().getNameAsString().equals("getBytes")
                && e.asMethodCallExpr().getScope().map(s -> WeakCipher.constant(s) != null).orElse(false);
    }

    /** The variable gets other bytes somewhere in its scope (the enclosing type). */
    private static boolean filled(VariableDeclarator v, String name) {
        Node scope = v.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class).map(x -> (Node) x)
                .orElse(v);
        for (MethodCallExpr c : scope.findAll(MethodCallExpr.class)) {
            if (c.getNameAsString().equals("nextBytes") || c.getNameAsString().equals("arraycopy")
                    || c.getNameAsString().equals("read") || c.getNameAsString().equals("get")) {
                if (c.getArguments().stream().anyMatch(a -> a instanceof NameExpr n && n.getNameAsString().equals(name))) {
                    return true;
                }
            }
        }
        for (AssignExpr a : scope.findAll(AssignExpr.class)) {
            Expression t = a.getTarget();
            if (t instanceof ArrayAccessExpr aa && aa.getName().toString().equals(name)
                    || t.isNameExpr() && t.asNameExpr().getNameAsString().equals(name)) {
                return true;
            }
        }
        return false;
    }
}

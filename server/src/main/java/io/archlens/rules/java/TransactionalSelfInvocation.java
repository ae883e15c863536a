package io.archlens.rules.java;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.java.JavaFile;
import io.archlens.syntax.java.Jx;
import java.util.HashMap;
import java.util.Map;

/**
 * A method of the same class calls a {@code @Transactional} method directly ({@code save()} or
 * {@code this.save()}): the call does not go through the proxy, so no transaction starts. Reported when the
 * caller has no transaction of its own, or when the callee asks for a different one ({@code propagation}).
 */
final class TransactionalSelfInvocation extends JavaRule {
    TransactionalSelfInvocation() {
        super(java("transactional-self-invocation", "@Transactional method called from its own class",
                Severity.WARNING, Category.RELIABILITY));
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        for (ClassOrInterfaceDeclaration c : f.all(ClassOrInterfaceDeclaration.class)) {
            if (c.isInterface() || Jx.has(c, "Transactional")) {
                continue;
            }
            Map<String, MethodDeclaration> transactional = new HashMap<>();
            for (MethodDeclaration m : c.getMethods()) {
                if (Jx.has(m, "Transactional") && !m.isPrivate() && !m.isStatic()) {
                    transactional.put(m.getNameAsString(), m);
                }
            }
            if (transactional.isEmpty()) {
                continue;
            }
            for (MethodDeclaration caller : c.getMethods()) {
                boolean callerTx = Jx.has(caller, "Transactional");
                for (MethodCallExpr call : caller.findAll(MethodCallExpr.class)) {
                    MethodDeclaration callee = transactional.get(call.getNameAsString());
                    boolean self = call.getScope().isEmpty() || call.getScope().get().isThisExpr();
                    if (callee == null || callee == caller || !self || Jx.type(call).orElse(null) != c
                            || callee.getParameters().size() != call.getArguments().size()) {
                        continue;
                    }
                    boolean differs = Jx.annotation(callee, "Transactional").map(a -> a.toString().contains("propagation"))
                            .orElse(false);
                    if (!callerTx || differs) {
                        ctx.report(f.nameRange(call), call.getNameAsString() + "() is @Transactional but called "
                                + "from " + caller.getNameAsString() + "() in the same class: the call bypasses "
                                + "Spring's proxy, so " + (callerTx ? "its propagation setting is ignored"
                                : "no transaction starts") + "; call it through another bean, or annotate the caller");
                    }
                }
            }
        }
    }
}

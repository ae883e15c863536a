package io.archlens.rules.java;

import com.github.javaparser.ast.body.MethodDeclaration;
import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.java.JavaFile;
import io.archlens.syntax.java.Jx;

/** {@code @Transactional} on a private, final or static method: Spring's proxy never sees the call. */
final class TransactionalPrivateMethod extends JavaRule {
    TransactionalPrivateMethod() {
        super(java("transactional-private-method", "@Transactional on a method the proxy cannot intercept",
                Severity.WARNING, Category.RELIABILITY));
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        for (MethodDeclaration m : f.all(MethodDeclaration.class)) {
            if (!Jx.has(m, "Transactional") || Jx.type(m).map(t -> t.isInterface()).orElse(false)) {
                continue;
            }
            String why = m.isPrivate() ? "private" : m.isFinal() ? "final" : m.isStatic() ? "static" : null;
            if (why != null) {
                ctx.report(f.nameRange(m), "@Transactional on " + why + " method " + m.getNameAsString()
                        + "() has no effect: Spring's proxy only intercepts overridable instance methods called from "
                        + "another bean; make it public and non-final, or put the transaction on the caller");
            }
        }
    }
}

package io.archlens.rules.java;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.code.RemoteCall;
import io.archlens.core.TextRange;
import io.archlens.syntax.java.JavaFile;
import io.archlens.syntax.java.Jx;
import java.util.Optional;

/**
 * An HTTP request or broker send (from the file's {@link RemoteCall} facts) inside a {@code @Transactional}
 * method (or a public method of a {@code @Transactional} class).
 */
final class RemoteCallInTransaction extends JavaRule {
    RemoteCallInTransaction() {
        super(java("remote-call-in-transaction", "Remote call inside a database transaction", Severity.WARNING,
                Category.RELIABILITY));
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        for (MethodDeclaration m : f.all(MethodDeclaration.class)) {
            Optional<ClassOrInterfaceDeclaration> c = Jx.type(m);
            boolean tx = Jx.has(m, "Transactional")
                    || c.isPresent() && Jx.has(c.get(), "Transactional") && m.isPublic() && !m.isStatic();
            if (!tx || m.getBody().isEmpty()) {
                continue;
            }
            TextRange body = f.range(m.getBody().get());
            for (RemoteCall call : f.facts().remoteCalls()) {
                if (body.start() <= call.range().start() && call.range().end() <= body.end()) {
                    String what = call.kind().equals("http") ? "an HTTP request" : "a message send";
                    ctx.report(call.range(), m.getNameAsString() + "() is transactional and makes " + what + " on "
                            + call.client() + ": the transaction keeps its connection and locks while the remote side "
                            + "answers, and is not undone if it fails; do the call before or after the transaction"
                            + (call.kind().equals("http") ? "" : " (or use an outbox)"));
                }
            }
        }
    }
}

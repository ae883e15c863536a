package io.archlens.rules.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.java.JavaFile;
import io.archlens.syntax.java.Jx;
import java.util.Locale;

/**
 * Java serialization reading data that comes from outside: {@code new ObjectInputStream(...)} in a request handler
 * or over a request/socket/message stream, with no {@code ObjectInputFilter} set in the method.
 */
final class UnsafeDeserialization extends JavaRule {
    UnsafeDeserialization() {
        super(java("unsafe-deserialization", "Java deserialization of request data", Severity.WARNING,
                Category.SECURITY));
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        for (ObjectCreationExpr oc : f.all(ObjectCreationExpr.class)) {
            if (!oc.getType().getNameAsString().equals("ObjectInputStream") || oc.getArguments().size() != 1) {
                continue;
            }
            Expression src = oc.getArgument(0);
            String s = src.toString().toLowerCase(Locale.ROOT);
            boolean external = Jx.inHandler(oc) || s.contains("getinputstream") || s.contains("request")
                    || s.contains("socket") || s.contains("getbody") || s.contains("message") || s.contains("received")
                    || s.contains("upload") || s.contains("incoming") || s.contains("payload");
            boolean filtered = Jx.callable(oc).map(m -> m.findAll(MethodCallExpr.class).stream()
                    .anyMatch(c -> c.getNameAsString().equals("setObjectInputFilter"))).orElse(false)
                    || oc.getAnonymousClassBody().isPresent();
            if (external && !filtered) {
                ctx.report(f.range(oc.getType()), "ObjectInputStream here reads what looks like outside data (a handler, "
                        + "a request, socket or message stream): readObject runs code "
                        + "from any class on the classpath (gadget chains), before your cast; use JSON, or set an "
                        + "ObjectInputFilter allow-list");
            }
        }
    }
}

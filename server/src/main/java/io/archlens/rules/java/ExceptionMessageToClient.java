package io.archlens.rules.java;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ReturnStmt;
import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.java.JavaFile;
import io.archlens.syntax.java.Jx;
import java.util.HashSet;
import java.util.Set;

/**
 * A request handler or {@code @ExceptionHandler} that puts an exception's message or stack trace into the response:
 * {@code e.getMessage()}, {@code getLocalizedMessage()}, {@code toString()} or {@code getStackTrace()} of a caught or
 * handled exception inside a {@code return}, a {@code body(...)} or a response writer call.
 */
final class ExceptionMessageToClient extends JavaRule {
    private static final Set<String> LEAKS = Set.of("getMessage", "getLocalizedMessage", "toString", "getStackTrace");
    private static final Set<String> WRITERS = Set.of("body", "write", "print", "println", "sendError", "ok",
            "badRequest", "status");

    ExceptionMessageToClient() {
        super(java("exception-message-to-client", "Exception details returned to the client", Severity.WARNING,
                Category.SECURITY));
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        for (MethodDeclaration m : f.all(MethodDeclaration.class)) {
            if (!Jx.isHandler(m) && !Jx.has(m, "ExceptionHandler")) {
                continue;
            }
            Set<String> exceptions = new HashSet<>();
            for (Parameter p : m.getParameters()) {
                String t = p.getType().asString();
                if (t.endsWith("Exception") || t.endsWith("Throwable") || t.endsWith("Error")) {
                    exceptions.add(p.getNameAsString());
                }
            }
            m.findAll(CatchClause.class).forEach(c -> exceptions.add(c.getParameter().getNameAsString()));
            if (exceptions.isEmpty()) {
                continue;
            }
            for (MethodCallExpr c : m.findAll(MethodCallExpr.class)) {
                String scope = Jx.scopeName(c);
                if (scope == null || !exceptions.contains(scope) || !LEAKS.contains(c.getNameAsString())
                        || !c.getArguments().isEmpty() || !toResponse(c)) {
                    continue;
                }
                ctx.report(f.range(c), "The exception's " + (c.getNameAsString().equals("getStackTrace") ? "stack trace"
                        : "message") + " goes into the response: it can reveal SQL, paths, class names and internal "
                        + "hosts; return a fixed message (and an error id) and log the details");
            }
        }
    }

    /** The value reaches a return statement or a response-building call. */
    private static boolean toResponse(Expression e) {
        com.github.javaparser.ast.Node cur = e.getParentNode().orElse(null);
        while (cur != null && !(cur instanceof MethodDeclaration)) {
            if (cur instanceof ReturnStmt) {
                return true;
            }
            if (cur instanceof MethodCallExpr mc && WRITERS.contains(mc.getNameAsString())
                    && !mc.getScope().map(s -> s.toString().toLowerCase(java.util.Locale.ROOT).contains("log"))
                            .orElse(false)) {
                return true;
            }
            if (cur instanceof com.github.javaparser.ast.stmt.Statement) {
                return false;
            }
            cur = cur.getParentNode().orElse(null);
        }
        return false;
    }
}

package io.archlens.rules.java;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.java.JavaFile;
import io.archlens.syntax.java.Jx;
import java.util.Optional;

/**
 * {@code e.printStackTrace ()} (no arguments) in server code (classes without a {@code main} method): the trace goes to stderr,
 * outside the log pipeline, without a timestamp or request context. The fix logs it through the class's logger
 * field when it has one.
 */
final class PrintStackTrace extends JavaRule {
    private static final String CALL = "print" + "StackTrace";

    PrintStackTrace() {
        super(java("print-stack-trace", "Stack trace printed to stderr", Severity.INFO, Category.OBSERVABILITY)
                .withFix());
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        for (MethodCallExpr c : f.all(MethodCallExpr.class)) {
            if (!c.getNameAsString().equals(CALL) || !c.getArguments().isEmpty() || c.getScope().isEmpty()) {
                continue;
            }
            Optional<ClassOrInterfaceDeclaration> type = Jx.type(c);
            if (type.isPresent() && type.get().getMethodsByName("main").stream().anyMatch(m -> m.isStatic())) {
                continue;
            }
            String msg = "printStackTrace() writes to stderr, outside the application's logs (no level, time or "
                    + "request context, often lost in containers); log the exception with the logger";
            String logger = type.flatMap(PrintStackTrace::loggerField).orElse(null);
            Expression e = c.getScope().get();
            if (logger != null && e.isNameExpr()) {
                ctx.report(f.nameRange(c), msg, Fix.unsafe("Log it with " + logger, Edit.replace(f.range(c),
                        logger + ".error(\"Unexpected error\", " + e + ")")));
            } else {
                ctx.report(f.nameRange(c), msg);
            }
        }
    }

    private static Optional<String> loggerField(ClassOrInterfaceDeclaration t) {
        for (FieldDeclaration fd : t.getFields()) {
            if (fd.getElementType().asString().equals("Logger") && fd.getVariables().size() == 1) {
                return Optional.of(fd.getVariable(0).getNameAsString());
            }
        }
        return Jx.has(t, "Slf4j", "Log4j2", "CommonsLog") ? Optional.of("log") : Optional.empty();
    }
}

package io.archlens.rules.java;

import com.github.javaparser.ast.expr.MethodCallExpr;
import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.java.JavaFile;
import io.archlens.syntax.java.Jx;

/** {@code Thread.sleep} in a request handler: the request thread does nothing for that long. */
final class SleepInHandler extends JavaRule {
    SleepInHandler() {
        super(java("sleep-in-handler", "Thread.sleep in a request handler", Severity.WARNING, Category.SCALABILITY));
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        for (MethodCallExpr c : f.all(MethodCallExpr.class)) {
            if ((Jx.isStaticCall(f, c, "java.lang.Thread", "sleep")
                    || c.getNameAsString().equals("sleep") && c.getScope().map(s -> s.toString().startsWith("TimeUnit."))
                            .orElse(false)) && Jx.inHandler(c)) {
                ctx.report(f.nameRange(c), "Sleeping in a request handler holds a server thread idle: a few slow "
                        + "requests exhaust the pool; retry with a scheduler or backoff outside the request, or "
                        + "answer 202/429 and let the client retry");
            }
        }
    }
}

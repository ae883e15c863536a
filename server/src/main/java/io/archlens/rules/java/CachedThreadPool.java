package io.archlens.rules.java;

import com.github.javaparser.ast.expr.MethodCallExpr;
import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.java.JavaFile;
import io.archlens.syntax.java.Jx;

/** {@code Executors.newCachedThreadPool()}: one new thread per task that finds no idle one, without limit. */
final class CachedThreadPool extends JavaRule {
    CachedThreadPool() {
        super(java("cached-thread-pool", "Unbounded cached thread pool", Severity.WARNING, Category.SCALABILITY));
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        for (MethodCallExpr c : f.all(MethodCallExpr.class)) {
            if (Jx.isStaticCall(f, c, "java.util.concurrent.Executors", "newCachedThreadPool")) {
                ctx.report(f.nameRange(c), "newCachedThreadPool() starts a thread for every task that finds no idle "
                        + "one, without limit: a burst of work becomes thousands of threads; use a bounded "
                        + "ThreadPoolExecutor (core/max size, bounded queue, rejection policy)");
            }
        }
    }
}

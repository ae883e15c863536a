package io.archlens.rules.java;

import com.github.javaparser.ast.expr.MethodCallExpr;
import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.java.JavaFile;
import io.archlens.syntax.java.Jx;

/** {@code CompletableFuture.supplyAsync/runAsync} without an executor: the work runs on the common pool. */
final class AsyncWithoutExecutor extends JavaRule {
    AsyncWithoutExecutor() {
        super(java("async-without-executor", "CompletableFuture async task on the common pool", Severity.WARNING,
                Category.PERFORMANCE));
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        for (MethodCallExpr c : f.all(MethodCallExpr.class)) {
            if (c.getArguments().size() == 1
                    && Jx.isStaticCall(f, c, "java.util.concurrent.CompletableFuture", "supplyAsync", "runAsync")) {
                ctx.report(f.nameRange(c), c.getNameAsString() + "() without an executor runs on "
                        + "ForkJoinPool.commonPool(), shared by the whole JVM and sized to the CPU count: blocking work "
                        + "there (I/O, remote calls) stalls every other user; pass an executor sized for the work");
            }
        }
    }
}

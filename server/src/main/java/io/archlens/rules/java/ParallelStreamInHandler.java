package io.archlens.rules.java;

import com.github.javaparser.ast.expr.MethodCallExpr;
import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.java.JavaFile;
import io.archlens.syntax.java.Jx;

/** {@code parallelStream()} / {@code .parallel()} in a request handler: every request competes for the common pool. */
final class ParallelStreamInHandler extends JavaRule {
    ParallelStreamInHandler() {
        super(java("parallel-stream-in-handler", "Parallel stream in a request handler", Severity.WARNING,
                Category.PERFORMANCE));
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        for (MethodCallExpr c : f.all(MethodCallExpr.class)) {
            boolean parallel = c.getArguments().isEmpty() && c.getScope().isPresent()
                    && (c.getNameAsString().equals("parallelStream") || c.getNameAsString().equals("parallel")
                            && c.getScope().get().isMethodCallExpr());
            if (parallel && Jx.inHandler(c)) {
                ctx.report(f.nameRange(c), "A parallel stream in a request handler runs on ForkJoinPool.commonPool(): "
                        + "concurrent requests queue behind each other there and latency follows the slowest; use a "
                        + "sequential stream, or a dedicated executor for real fan-out");
            }
        }
    }
}

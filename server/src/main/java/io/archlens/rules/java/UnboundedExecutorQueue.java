package io.archlens.rules.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.java.Decls;
import io.archlens.syntax.java.JavaFile;
import io.archlens.syntax.java.Jx;
import java.util.Set;

/**
 * A thread pool whose work queue has no bound: {@code new ThreadPoolExecutor(..., new LinkedBlockingQueue<>())}
 * and Spring's {@code ThreadPoolTaskExecutor} without {@code setQueueCapacity} (its default is
 * {@code Integer.MAX_VALUE}).
 */
final class UnboundedExecutorQueue extends JavaRule {
    private static final Set<String> UNBOUNDED = Set.of("LinkedBlockingQueue", "LinkedBlockingDeque",
            "LinkedTransferQueue", "PriorityBlockingQueue");

    UnboundedExecutorQueue() {
        super(java("unbounded-executor-queue", "Thread pool with an unbounded work queue", Severity.WARNING,
                Category.SCALABILITY));
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        for (ObjectCreationExpr oc : f.all(ObjectCreationExpr.class)) {
            String t = oc.getType().getNameAsString();
            if (t.equals("ThreadPoolExecutor")) {
                for (Expression a : oc.getArguments()) {
                    if (unbounded(a)) {
                        ctx.report(f.range(a), "The pool's queue has no capacity: when tasks arrive faster than they "
                                + "finish they pile up in memory and wait without limit, and maxPoolSize never applies; "
                                + "give the queue a capacity and choose a rejection policy");
                    }
                }
            } else if (t.equals("ThreadPoolTaskExecutor") && !Jx.chainNames(oc).contains("setQueueCapacity")
                    && Jx.storedIn(Jx.chainTop(oc)) != null) {
                ctx.report(f.range(oc.getType()), "ThreadPoolTaskExecutor's queue capacity defaults to "
                        + "Integer.MAX_VALUE: tasks pile up in memory and maxPoolSize never applies; call "
                        + "setQueueCapacity(...) (assumes it is not set outside this method)");
            }
        }
    }

    private static boolean unbounded(Expression a) {
        if (a.isObjectCreationExpr()) {
            ObjectCreationExpr q = a.asObjectCreationExpr();
            return UNBOUNDED.contains(q.getType().getNameAsString()) && q.getArguments().isEmpty();
        }
        if (a.isNameExpr()) {
            return Decls.find(a, a.asNameExpr().getNameAsString()).map(Decls.Decl::variable)
                    .flatMap(v -> v.getInitializer()).map(UnboundedExecutorQueue::unbounded).orElse(false);
        }
        return false;
    }
}

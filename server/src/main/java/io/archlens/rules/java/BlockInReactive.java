package io.archlens.rules.java;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.java.JavaFile;
import io.archlens.syntax.java.Jx;
import java.util.Set;

/**
 * {@code block()}/{@code blockFirst()}/{@code blockLast()} inside reactive code: a method that returns
 * {@code Mono}/{@code Flux}, or a lambda given to a reactive operator.
 */
final class BlockInReactive extends JavaRule {
    private static final Set<String> BLOCKING = Set.of("block", "blockFirst", "blockLast", "blockOptional");
    private static final Set<String> OPERATORS = Set.of("map", "flatMap", "flatMapMany", "concatMap", "filter",
            "doOnNext", "doOnSuccess", "subscribe", "switchIfEmpty", "then", "zipWith", "handle", "transform");

    BlockInReactive() {
        super(java("block-in-reactive", "Blocking call inside reactive code", Severity.WARNING, Category.PERFORMANCE));
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        for (MethodCallExpr c : f.all(MethodCallExpr.class)) {
            if (!BLOCKING.contains(c.getNameAsString()) || c.getScope().isEmpty() || c.getArguments().size() > 1) {
                continue;
            }
            boolean reactiveMethod = Jx.method(c).map(MethodDeclaration::getType).map(t -> t.asString())
                    .map(t -> t.startsWith("Mono") || t.startsWith("Flux") || t.startsWith("Publisher")).orElse(false);
            boolean inOperator = c.findAncestor(LambdaExpr.class).flatMap(l -> l.getParentNode())
                    .filter(p -> p instanceof MethodCallExpr mc && OPERATORS.contains(mc.getNameAsString()))
                    .isPresent();
            if (reactiveMethod || inOperator) {
                ctx.report(f.nameRange(c), c.getNameAsString() + "() inside reactive code blocks an event-loop "
                        + "thread (Reactor throws on Netty's threads); compose with flatMap/zip instead of blocking");
            }
        }
    }
}

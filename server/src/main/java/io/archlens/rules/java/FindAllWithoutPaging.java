package io.archlens.rules.java;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.java.Decls;
import io.archlens.syntax.java.JavaFile;
import io.archlens.syntax.java.Jx;

/**
 * A request handler that calls {@code findAll()} without arguments on a Spring Data repository (a receiver
 * whose type or name ends in {@code Repository}/{@code Repo}): the response grows with the table.
 */
final class FindAllWithoutPaging extends JavaRule {
    FindAllWithoutPaging() {
        super(java("find-all-without-paging", "Repository findAll() in a request handler without paging",
                Severity.WARNING, Category.SCALABILITY));
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        for (MethodDeclaration m : f.all(MethodDeclaration.class)) {
            if (!Jx.isHandler(m)) {
                continue;
            }
            for (MethodCallExpr c : m.findAll(MethodCallExpr.class)) {
                String scope = Jx.scopeName(c);
                if (!c.getNameAsString().equals("findAll") || !c.getArguments().isEmpty() || scope == null) {
                    continue;
                }
                String type = Decls.typeOf(c, scope);
                String what = type != null ? type : scope;
                if (what.endsWith("Repository") || what.endsWith("Repo")) {
                    ctx.report(f.nameRange(c), "Handler " + m.getNameAsString() + "() loads every row with "
                            + scope + ".findAll(): memory and response time grow with the table; take a Pageable "
                            + "(findAll(pageable)) or a bounded query");
                }
            }
        }
    }
}

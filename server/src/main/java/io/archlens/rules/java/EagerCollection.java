package io.archlens.rules.java;

import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.syntax.java.JavaFile;
import java.util.Set;

/** {@code fetch = FetchType.EAGER} on a collection mapping ({@code @OneToMany}, {@code @ManyToMany}, ...). */
final class EagerCollection extends JavaRule {
    private static final Set<String> COLLECTIONS = Set.of("OneToMany", "ManyToMany", "ElementCollection");

    EagerCollection() {
        super(java("eager-collection", "Collection mapped with FetchType.EAGER", Severity.WARNING,
                Category.PERFORMANCE).withFix());
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        for (AnnotationExpr a : f.all(AnnotationExpr.class)) {
            if (!COLLECTIONS.contains(a.getName().getIdentifier()) || !a.isNormalAnnotationExpr()) {
                continue;
            }
            for (MemberValuePair p : a.asNormalAnnotationExpr().getPairs()) {
                Expression v = p.getValue();
                String name = v.isFieldAccessExpr() ? v.asFieldAccessExpr().getNameAsString()
                        : v.isNameExpr() ? v.asNameExpr().getNameAsString() : "";
                if (p.getNameAsString().equals("fetch") && name.equals("EAGER")) {
                    TextRange r = f.range(v);
                    TextRange word = new TextRange(r.end() - "EAGER".length(), r.end());
                    ctx.report(r, "@" + a.getName().getIdentifier() + " with FetchType.EAGER loads the whole "
                            + "collection with every parent, on every query (and N+1 selects with JPQL); make it LAZY "
                            + "and fetch it where needed (JOIN FETCH, @EntityGraph)",
                            Fix.unsafe("Use FetchType.LAZY", Edit.replace(word, "LAZY")));
                }
            }
        }
    }
}

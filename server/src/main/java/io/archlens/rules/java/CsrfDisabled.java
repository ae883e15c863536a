package io.archlens.rules.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.MethodCallExpr;
import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.java.JavaFile;
import io.archlens.syntax.java.Jx;

/**
 * Spring Security's CSRF protection switched off ({@code csrf().disable()}, {@code csrf(c -> c.disable())},
 * {@code csrf(AbstractHttpConfigurer::disable)}) in a configuration that does not say it is stateless: quiet when
 * the same class sets {@code SessionCreationPolicy.STATELESS} or configures a bearer-token resource server.
 */
final class CsrfDisabled extends JavaRule {
    CsrfDisabled() {
        super(java("csrf-disabled", "CSRF protection disabled", Severity.WARNING, Category.SECURITY));
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        for (MethodCallExpr c : f.all(MethodCallExpr.class)) {
            if (!c.getNameAsString().equals("csrf")) {
                continue;
            }
            boolean off = c.getParentNode().filter(p -> p instanceof MethodCallExpr m
                    && m.getNameAsString().equals("disable") && m.getScope().orElse(null) == c).isPresent()
                    || c.getArguments().size() == 1 && c.getArgument(0).toString().contains("disable");
            if (!off) {
                continue;
            }
            Node scope = Jx.type(c).map(t -> (Node) t).orElse(f.unit());
            String text = f.text(scope);
            if (text.contains("STATELESS") || text.contains("oauth2ResourceServer") || text.contains("BearerToken")) {
                continue;
            }
            ctx.report(f.nameRange(c), "CSRF protection is disabled: with cookie or session authentication any site "
                    + "the user visits can submit requests as them; keep it on, or make the API stateless "
                    + "(SessionCreationPolicy.STATELESS, bearer tokens) — assumes session-based authentication");
        }
    }
}

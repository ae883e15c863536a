package io.archlens.rules.gha;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.gha.Workflow;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code cond && X || Y} used as a ternary where X is falsy ({@code ''}, {@code false}, {@code 0}, {@code null}):
 * the expression language has no ternary, and a falsy X makes the whole expression Y whatever the condition.
 */
public final class UnsoundTernary implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/unsound-ternary",
            "Ternary-style expression whose true branch is falsy", Severity.WARNING, Category.RELIABILITY,
            FileKind.GITHUB_ACTIONS);

    private static final Pattern FALSY_BRANCH = Pattern.compile(
            "&&\\s*(''|\"\"|false|0|null)\\s*\\|\\|", Pattern.CASE_INSENSITIVE);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        for (Gha.Expr e : Gha.fileExpressions(ctx.text())) {
            Matcher m = FALSY_BRANCH.matcher(e.inner());
            if (m.find()) {
                ctx.report(e.range(), "'" + e.inner() + "' never yields " + m.group(1) + ": && returns its right side"
                        + " only when that is truthy, so the expression is always the value after ||; invert the"
                        + " condition so the truthy value comes first (!cond && Y || " + m.group(1) + ")");
            }
        }
    }
}

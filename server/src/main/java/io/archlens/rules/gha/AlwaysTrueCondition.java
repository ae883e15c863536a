package io.archlens.rules.gha;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.gha.Workflow;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import java.util.regex.Pattern;

/** {@code if:} values with text outside their expression (a block scalar's newline): always true. */
public final class AlwaysTrueCondition implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/always-true-condition",
            "Condition is always true", Severity.ERROR, Category.RELIABILITY, FileKind.GITHUB_ACTIONS);
    private static final Pattern ONE_EXPRESSION = Pattern.compile("\\$\\{\\{.*}}", Pattern.DOTALL); // a space before it is text too

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        for (YNode cond : Gha.conditions(w)) {
            check(cond, ctx);
        }
    }

    private static void check(YNode cond, RuleContext ctx) {
        if (cond instanceof YScalar s && s.value().contains("${{") && !ONE_EXPRESSION.matcher(s.value()).matches()) {
            ctx.report(s.range(), "This condition mixes ${{ }} with other text" + (s.value().endsWith("\n")
                    ? " (the block scalar keeps a trailing newline)" : "") + ": the result is a non-empty string,"
                    + " which is always true, so the step or job always runs; write the whole condition as one"
                    + " expression (or use |- / >-)");
        }
    }
}

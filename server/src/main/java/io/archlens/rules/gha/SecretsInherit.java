package io.archlens.rules.gha;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.gha.Job;
import io.archlens.syntax.gha.Workflow;
import io.archlens.syntax.yaml.YScalar;

/** A reusable-workflow call passing every secret of the caller ({@code secrets: inherit}). */
public final class SecretsInherit implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/secrets-inherit",
            "Reusable workflow receives every secret", Severity.WARNING, Category.SECURITY, FileKind.GITHUB_ACTIONS);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        for (Job j : w.jobs()) {
            if (j.get("secrets") instanceof YScalar s && s.value().strip().equals("inherit")) {
                ctx.report(s.range(), "secrets: inherit hands every repository and organisation secret to "
                        + (j.text("uses") == null ? "the called workflow" : j.text("uses"))
                        + ", including ones it never needs; pass the secrets it declares by name");
            }
        }
    }
}

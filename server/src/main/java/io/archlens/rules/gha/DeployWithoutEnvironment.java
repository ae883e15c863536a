package io.archlens.rules.gha;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.gha.Job;
import io.archlens.syntax.gha.Workflow;

/**
 * Deploy-looking jobs (by name, or by running kubectl/helm/terraform apply/cloud deploy commands or deploy
 * actions) without an {@code environment}: no approval gate, no branch restriction, secrets not scoped.
 */
public final class DeployWithoutEnvironment implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/deploy-without-environment",
            "Deployment job has no environment", Severity.WARNING, Category.SECURITY, FileKind.GITHUB_ACTIONS);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        if (w.composite()) {
            return; // job-level: a composite action runs inside its caller's job
        }
        for (Job j : w.jobs()) {
            if (j.map().has("environment") || !Gha.deployLike(j)) {
                continue;
            }
            ctx.report(j.idRange(), "Job " + j.id() + " deploys without an environment: no required reviewers or"
                    + " branch protection gate it, and production secrets are available to any workflow that can"
                    + " run; add environment: <name> and keep the deploy credentials in that environment");
        }
    }
}

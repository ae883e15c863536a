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

/** Self-hosted runners in workflows triggered by pull requests: fork code runs on your machines. */
public final class SelfHostedOnPullRequest implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/self-hosted-on-pull-request",
            "Pull request code runs on a self-hosted runner", Severity.ERROR, Category.SECURITY,
            FileKind.GITHUB_ACTIONS);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        if (w.composite()) {
            return; // job-level: a composite action runs inside its caller's job
        }
        if (!w.triggeredBy("pull_request") && !w.triggeredBy("pull_request_target")) {
            return;
        }
        for (Job j : w.jobs()) {
            YScalar s = Gha.selfHosted(j);
            if (s != null) {
                ctx.report(s.range(), "Job " + j.id() + " runs pull request code on a self-hosted runner: a pull"
                        + " request from a fork can run anything on that machine, persist on it and reach your"
                        + " network; use GitHub-hosted runners for pull requests (or ephemeral, isolated runners)");
            }
        }
    }
}

package io.archlens.rules.gha;

import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.gha.Job;
import io.archlens.syntax.gha.Workflow;
import io.archlens.syntax.yaml.YNode;

/** Deploy-looking jobs with no {@code concurrency} group (job or workflow level): two deploys can race. */
public final class DeployWithoutConcurrency implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/deploy-without-concurrency",
            "Deployments can run concurrently", Severity.WARNING, Category.RELIABILITY, FileKind.GITHUB_ACTIONS)
            .withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        if (w.composite()) {
            return; // job-level: a composite action runs inside its caller's job
        }
        if (w.root() == null || w.root().has("concurrency")) {
            return;
        }
        for (Job j : w.jobs()) {
            if (j.map().has("concurrency") || !Gha.deployLike(w, j)) {
                continue;
            }
            YNode env = j.get("environment");
            String envName = env == null ? null : env.text() != null ? env.text() : env.at("name") == null ? null
                    : env.at("name").text();
            String group = envName != null && !envName.contains("${{") ? "deploy-" + envName
                    : "${{ github.workflow }}-" + j.id();
            String msg = "Job " + j.id() + " has no concurrency group: two pushes in a row start two deployments that"
                    + " race (the older build can finish last and win); add concurrency with cancel-in-progress:"
                    + " false so deployments queue";
            Edit e = j.map().flow() ? null : w.edits().insertEntries(j.map(), "concurrency:\n  group: "
                    + io.archlens.syntax.yaml.YamlEdits.scalar(group) + "\n  cancel-in-progress: false");
            if (e == null) {
                ctx.report(j.idRange(), msg);
            } else {
                ctx.report(j.idRange(), msg, Fix.unsafe("Add a concurrency group (" + group + ")", e));
            }
        }
    }
}

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
import io.archlens.syntax.yaml.YEntry;

/** Jobs without {@code timeout-minutes}: a hung job runs (and bills) for the 6-hour default. */
public final class MissingTimeout implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/missing-timeout",
            "Job has no timeout", Severity.INFO, Category.COST, FileKind.GITHUB_ACTIONS).withFix();

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
            if (j.callsWorkflow() || j.map().has("timeout-minutes")) {
                continue;
            }
            String msg = "Job " + j.id() + " has no timeout-minutes: a hung test, a stuck deploy or a waiting prompt"
                    + " runs for the 6-hour default, blocking the queue and billing runner minutes; set a limit a bit"
                    + " above its normal duration";
            YEntry after = j.map().entry("runs-on");
            Edit e = j.map().flow() ? null : after != null
                    ? w.edits().insertEntriesAfter(j.map(), after, "timeout-minutes: 30")
                    : w.edits().insertEntries(j.map(), "timeout-minutes: 30");
            if (e == null) {
                ctx.report(j.idRange(), msg);
            } else {
                ctx.report(j.idRange(), msg, Fix.unsafe("Add timeout-minutes: 30", e));
            }
        }
    }
}

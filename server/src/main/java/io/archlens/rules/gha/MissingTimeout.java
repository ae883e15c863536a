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
import java.util.ArrayList;
import java.util.List;

/**
 * Jobs without {@code timeout-minutes}: a hung job runs (and bills) for the 6-hour default. When no job of the
 * workflow has one (two jobs or more), that is one habit: one finding at {@code jobs:} with one fix for all.
 */
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
        List<Job> missing = new ArrayList<>();
        long runners = 0;
        for (Job j : w.jobs()) {
            if (j.callsWorkflow()) {
                continue;
            }
            runners++;
            if (!j.map().has("timeout-minutes")) {
                missing.add(j);
            }
        }
        YEntry jobs = w.entry("jobs");
        if (missing.size() >= 2 && missing.size() == runners && jobs != null) {
            // a workflow-wide habit: one finding at jobs:, one fix for every job
            List<Edit> edits = new ArrayList<>();
            for (Job j : missing) {
                Edit e = edit(w, j);
                if (e != null) {
                    edits.add(e);
                }
            }
            String msg = "None of the " + missing.size() + " jobs has timeout-minutes: a hung test, a stuck deploy or"
                    + " a waiting prompt runs for the 6-hour default, blocking the queue and billing runner minutes;"
                    + " set a limit a bit above each job's normal duration";
            if (edits.size() == missing.size()) {
                ctx.report(jobs.key().range(), msg, Fix.unsafe("Add timeout-minutes: 30 to every job",
                        edits.toArray(Edit[]::new)));
            } else {
                ctx.report(jobs.key().range(), msg);
            }
            return;
        }
        for (Job j : missing) {
            String msg = "Job " + j.id() + " has no timeout-minutes: a hung test, a stuck deploy or a waiting prompt"
                    + " runs for the 6-hour default, blocking the queue and billing runner minutes; set a limit a bit"
                    + " above its normal duration";
            Edit e = edit(w, j);
            if (e == null) {
                ctx.report(j.idRange(), msg);
            } else {
                ctx.report(j.idRange(), msg, Fix.unsafe("Add timeout-minutes: 30", e));
            }
        }
    }

    private static Edit edit(Workflow w, Job j) {
        YEntry after = j.map().entry("runs-on");
        return j.map().flow() ? null : after != null
                ? w.edits().insertEntriesAfter(j.map(), after, "timeout-minutes: 30")
                : w.edits().insertEntries(j.map(), "timeout-minutes: 30");
    }
}

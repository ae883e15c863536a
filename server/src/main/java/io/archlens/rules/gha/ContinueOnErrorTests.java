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
import io.archlens.syntax.gha.Step;
import io.archlens.syntax.gha.Workflow;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YScalar;
import java.util.List;

/**
 * {@code continue-on-error: true} on tests, lint or scans: failures no longer fail the build. Not reported on a step
 * followed by an upload of SARIF to code scanning, where the results are the gate.
 */
public final class ContinueOnErrorTests implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/continue-on-error-tests",
            "Test or check failures are ignored", Severity.WARNING, Category.RELIABILITY, FileKind.GITHUB_ACTIONS)
            .withFix();

    private static final String SARIF_UPLOAD = "github/codeql-action/upload-sarif";

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        for (Job j : w.jobs()) {
            if (!w.composite() && (Gha.testLike(j.id()) || Gha.testLike(j.text("name")))) {
                report(ctx, w, j.map(), "job " + j.id());
            }
            List<Step> steps = j.steps();
            for (int i = 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                YScalar run = s.run();
                if (sarifUploadedAfter(steps, i)) {
                    continue; // the scanner's exit code is not the gate: its SARIF reaches code scanning
                }
                if (Gha.testLike(s.text("name")) || run != null && Gha.testLike(run.value())) {
                    report(ctx, w, s.map(), "step '" + s.label() + "'");
                }
            }
        }
    }

    /**
     * True when a later step of the job uploads SARIF to code scanning: the documented pattern lets the scanner
     * step fail (it exits non-zero on findings) so that the upload runs, and code-scanning alerts gate the merge.
     */
    static boolean sarifUploadedAfter(List<Step> steps, int index) {
        for (int k = index + 1; k < steps.size(); k++) {
            if (steps.get(k).usesAction(SARIF_UPLOAD)) {
                return true;
            }
        }
        return false;
    }

    private static void report(RuleContext ctx, Workflow w, YMap map, String what) {
        YEntry e = map.entry("continue-on-error");
        if (e == null || !(e.value() instanceof YScalar v) || !v.value().strip().equalsIgnoreCase("true")) {
            return;
        }
        String msg = "continue-on-error: true on " + what + " turns failing tests or checks into a green build, so"
                + " regressions merge unnoticed; remove it (quarantine flaky tests explicitly instead)";
        Edit rm = map.flow() ? null : w.edits().removeEntry(map, e);
        if (rm == null) {
            ctx.report(v.range(), msg);
        } else {
            ctx.report(v.range(), msg, Fix.unsafe("Remove continue-on-error", rm));
        }
    }
}

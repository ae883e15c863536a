package io.archlens.rules.gha;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.gha.Workflow;
import io.archlens.syntax.yaml.YNode;

/** A workflow triggered by {@code pull_request_target} or {@code workflow_run}: it runs with secrets and a write token on events outsiders start. */
public final class DangerousTrigger implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/dangerous-trigger",
            "Workflow runs privileged on events outsiders can start", Severity.WARNING, Category.SECURITY, FileKind.GITHUB_ACTIONS);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        if (w.composite() || w.root() == null) {
            return;
        }
        boolean onlyLabeler = !w.jobs().isEmpty() && w.jobs().stream().allMatch(j -> !j.steps().isEmpty()
                && j.steps().stream().allMatch(s -> s.usesAction("actions/labeler")));
        if (onlyLabeler || !UntrustedCheckout.checkouts(w, ctx.text()).isEmpty()) {
            return; // labelling by file paths runs no PR code; a checkout of PR code is gha/untrusted-checkout's error
        }
        for (String t : new String[] {"pull_request_target", "workflow_run"}) {
            YNode at = Gha.trigger(w, t);
            if (at != null) {
                ctx.report(at.range(), t + " runs this workflow with the repository's secrets and a write token on"
                        + " events a fork or any outside contributor can start; anything it reads from the event"
                        + " (code, branch names, titles, artifacts) is attacker-controlled. Prefer pull_request (no"
                        + " secrets), or keep this workflow free of checkouts, scripts and caches of that input");
            }
        }
    }
}

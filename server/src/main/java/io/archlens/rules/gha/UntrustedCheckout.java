package io.archlens.rules.gha;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.gha.Job;
import io.archlens.syntax.gha.Step;
import io.archlens.syntax.gha.Workflow;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import java.util.regex.Pattern;

/**
 * {@code pull_request_target} / {@code workflow_run} workflows that check out the pull request's code: the
 * fork's code then runs with the base repository's secrets and write token ("pwn request").
 */
public final class UntrustedCheckout implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/untrusted-checkout",
            "Privileged workflow checks out untrusted pull request code", Severity.ERROR, Category.SECURITY,
            FileKind.GITHUB_ACTIONS);

    private static final Pattern HEAD = Pattern.compile("github\\.event\\.pull_request\\.head\\.(?:sha|ref)"
            + "|github\\.head_ref|github\\.event\\.workflow_run\\.head_(?:sha|branch)|refs/pull/"
            + "|github\\.event\\.(?:pull_request\\.)?number|github\\.event\\.pull_request\\.merge_commit_sha");
    private static final Pattern RUN_CHECKOUT = Pattern.compile(
            "gh\\s+pr\\s+checkout[^\\n]*|git\\s+(?:fetch|checkout|switch)[^\\n]*(?:refs/pull/|\\$\\{\\{[^}]*"
                    + "(?:head_ref|head\\.(?:ref|sha)|head_sha|head_branch))[^\\n]*");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        String trigger = w.triggeredBy("pull_request_target") ? "pull_request_target"
                : w.triggeredBy("workflow_run") ? "workflow_run" : null;
        if (trigger != null) {
            for (io.archlens.core.TextRange r : checkouts(w, ctx.text())) {
                report(ctx, r, trigger);
            }
        }
    }

    /** Where the workflow checks out or fetches pull request code (whatever its trigger). */
    static java.util.List<io.archlens.core.TextRange> checkouts(Workflow w, String text) {
        java.util.List<io.archlens.core.TextRange> out = new java.util.ArrayList<>();
        for (Job j : w.jobs()) {
            for (Step s : j.steps()) {
                if (s.usesAction("actions/checkout")) {
                    YNode ref = s.withNode("ref");
                    YNode repo = s.withNode("repository");
                    YScalar at = ref instanceof YScalar r && HEAD.matcher(r.value()).find() ? r
                            : repo instanceof YScalar rp && rp.value().contains("head.repo") ? rp : null;
                    if (at != null) {
                        out.add(at.range());
                    }
                }
                io.archlens.core.TextRange r = Gha.find(text, s.run(), RUN_CHECKOUT);
                if (r != null) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    private static void report(RuleContext ctx, io.archlens.core.TextRange at, String trigger) {
        ctx.report(at, trigger + " runs with the base repository's secrets and a write token, and this"
                + " checks out the pull request's code: any build script, test or dependency in the fork then runs"
                + " with those privileges; build untrusted code in a pull_request workflow and pass results as"
                + " artifacts");
    }
}

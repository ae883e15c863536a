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
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code actions/checkout} leaves the job's token in {@code .git/config} unless told not to; every later step
 * (and anything uploading the workspace as an artifact) can read it. The fix sets
 * {@code persist-credentials: false}; it is safe unless a later step of the job pushes or fetches with git.
 */
public final class CheckoutPersistCredentials implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/checkout-persist-credentials",
            "Checkout leaves the token in the git config", Severity.WARNING, Category.SECURITY,
            FileKind.GITHUB_ACTIONS).withFix();

    private static final Pattern GIT_REMOTE = Pattern.compile(
            "\\bgit\\s+(?:push|fetch|pull|submodule|ls-remote)|\\bgit\\s+.*\\bpush\\b");
    private static final List<String> PUSHING_ACTIONS = List.of("stefanzweifel/git-auto-commit-action",
            "peter-evans/create-pull-request", "ad-m/github-push-action", "EndBug/add-and-commit",
            "changesets/action", "JamesIves/github-pages-deploy-action");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        for (Job j : w.jobs()) {
            for (Step s : j.steps()) {
                if (!s.usesAction("actions/checkout")) {
                    continue;
                }
                YNode pc = s.withNode("persist-credentials");
                if (pc instanceof YScalar v && v.value().strip().equalsIgnoreCase("false")) {
                    continue;
                }
                if (pc != null && pc.text() != null && pc.text().contains("${{")) {
                    continue;
                }
                boolean later = laterStepUsesGit(j, s);
                String msg = "actions/checkout stores the job's token in .git/config, where every later step, script"
                        + " and uploaded artifact of the workspace can read it; set persist-credentials: false"
                        + (later ? " and give the token explicitly to the step that pushes" : "");
                Edit e = s.map().flow() ? null : w.edits().setScalar(s.map(), List.of("with", "persist-credentials"),
                        "false");
                YScalar uses = s.uses();
                if (e == null) {
                    ctx.report(uses.range(), msg);
                } else {
                    String title = "Set persist-credentials: false";
                    ctx.report(uses.range(), msg, later ? Fix.unsafe(title + " (a later step uses git remotes)", e)
                            : Fix.safe(title, e));
                }
            }
        }
    }

    private static boolean laterStepUsesGit(Job j, Step checkout) {
        for (Step s : j.steps()) {
            if (s.index() <= checkout.index()) {
                continue;
            }
            YScalar run = s.run();
            if (run != null && GIT_REMOTE.matcher(run.value()).find()) {
                return true;
            }
            for (String a : PUSHING_ACTIONS) {
                if (s.usesAction(a)) {
                    return true;
                }
            }
        }
        return false;
    }
}

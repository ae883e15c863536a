package io.archlens.rules.gha;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.gha.Workflow;

/**
 * GitHub's own actions ({@code actions/*}, {@code github/*}) referenced by tag. Lower risk than third-party
 * actions (GitHub controls the tags), so an info by default; raise it to warning in .archlens.yml for a
 * strict "pin everything" policy, or turn it off.
 */
public final class UnpinnedFirstPartyAction implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/unpinned-first-party-action",
            "GitHub-maintained action is not pinned to a commit SHA", Severity.INFO, Category.SECURITY,
            FileKind.GITHUB_ACTIONS);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        UnpinnedAction.forEachUnpinned(w, true, s -> {
            String v = s.value().strip();
            int at = v.lastIndexOf('@');
            ctx.report(Gha.valueRange(ctx.text(), s), v.substring(0, at) + " is referenced by '" + v.substring(at + 1) + "': GitHub"
                    + " maintains it, but a tag can still be moved; pin the commit SHA for reproducible, tamper-proof"
                    + " builds (Dependabot keeps SHAs up to date)");
        });
    }
}

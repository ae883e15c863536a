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
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import java.util.Set;

/**
 * {@code actions/create-github-app-token} minting a broader or longer-lived token than the job needs: without
 * any {@code permission-*} input (every permission the app has), with {@code owner:} but no {@code repositories:}
 * while asking for repository permissions (every repository the app is installed on), or with
 * {@code skip-token-revoke} (the token outlives the job for its full hour).
 */
public final class AppTokenUnscoped implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/app-token-unscoped",
            "GitHub App token not limited to the job", Severity.WARNING, Category.SECURITY, FileKind.GITHUB_ACTIONS);

    /** Permissions of organisation resources: a token asking only for these needs no repository list. */
    private static final Set<String> ORG_PERMISSIONS = Set.of("members", "organization-administration",
            "organization-announcement-banners", "organization-copilot-seat-management",
            "organization-custom-org-roles", "organization-custom-properties", "organization-custom-roles",
            "organization-events", "organization-hooks", "organization-packages", "organization-personal-access-tokens",
            "organization-personal-access-token-requests", "organization-plan", "organization-projects",
            "organization-secrets", "organization-self-hosted-runners", "organization-user-blocking",
            "team-discussions");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        for (Job j : w.jobs()) {
            for (Step s : j.steps()) {
                if (!s.usesAction("actions/create-github-app-token") || !(s.get("with") instanceof YMap with)) {
                    continue;
                }
                YEntry skip = with.entry("skip-token-revoke");
                if (skip != null && skip.value() instanceof YScalar v && !v.value().strip().equalsIgnoreCase("false")) {
                    ctx.report(skip.key().range(), "skip-token-revoke leaves the app token valid for its full hour"
                            + " after the job ends, usable by anything that copied it from the runner; drop it so"
                            + " the action revokes the token when the job finishes");
                }
                boolean any = false;
                boolean repoScoped = false;
                for (YEntry e : with.entries()) {
                    String k = e.keyText();
                    if (k != null && k.startsWith("permission-")) {
                        any = true;
                        repoScoped |= !ORG_PERMISSIONS.contains(k.substring("permission-".length()));
                    }
                }
                if (!any) {
                    ctx.report(s.uses().range(), "No permission-* input: the app token gets every permission the"
                            + " app was granted; ask only for what the job needs (permission-contents: read, ...)");
                }
                YEntry owner = with.entry("owner");
                if (owner != null && !with.has("repositories") && (!any || repoScoped)) {
                    YNode at = owner.key();
                    ctx.report(at.range(), "owner: without repositories: mints a token for every repository the app"
                            + " is installed on; list the repositories the job touches");
                }
            }
        }
    }
}

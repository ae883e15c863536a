package io.archlens.rules.gha;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.gha.Workflow;
import io.archlens.syntax.yaml.YScalar;
import java.util.Map;

/**
 * {@code uses:} of an action whose repository its owner archived: read-only, so no fix for a vulnerability in it or
 * in the dependencies it bundles will ever ship. The table is ArchLens's own, checked in 2025 (the date is in the
 * rule's doc page); a repository archived later is not known until the table is updated.
 */
public final class ArchivedAction implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/archived-action",
            "Action from an archived repository", Severity.WARNING, Category.SECURITY, FileKind.GITHUB_ACTIONS);

    /** owner/repo (or owner/* for a whole archived organisation) -> what to use instead. */
    private static final Map<String, String> ARCHIVED = Map.ofEntries(
            Map.entry("actions/create-release", "softprops/action-gh-release or `gh release create`"),
            Map.entry("actions/upload-release-asset", "softprops/action-gh-release or `gh release upload`"),
            Map.entry("actions/setup-ruby", "ruby/setup-ruby"),
            Map.entry("actions/setup-elixir", "erlef/setup-beam"),
            Map.entry("actions/setup-haskell", "haskell-actions/setup"),
            Map.entry("actions-rs/*", "the rustup and cargo commands preinstalled on the runner, in a run: step"),
            Map.entry("crazy-max/ghaction-docker-buildx", "docker/setup-buildx-action"),
            Map.entry("8398a7/action-slack", "slackapi/slack-github-action"),
            Map.entry("jakejarvis/s3-sync-action", "`aws s3 sync` after aws-actions/configure-aws-credentials"));

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        for (YScalar u : Gha.uses(w)) {
            String repo = Gha.ownerRepo(u.value());
            if (repo == null) {
                continue;
            }
            String instead = ARCHIVED.get(repo);
            if (instead == null) {
                instead = ARCHIVED.get(repo.substring(0, repo.indexOf('/')) + "/*");
            }
            if (instead != null) {
                ctx.report(u.range(), repo + " is archived: its owner no longer maintains it, so a vulnerability in"
                        + " it or in the code it bundles will never be fixed; use " + instead);
            }
        }
    }
}

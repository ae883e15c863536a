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
import io.archlens.syntax.yaml.YScalar;
import java.util.Locale;
import java.util.Map;

/**
 * A setup action downloading its tool at "latest": with {@code version: latest} written out, or by leaving out
 * the version input of an action known to default to the latest release. A pinned action SHA does not pin the
 * tool it fetches, so a new (or compromised) release of the tool runs in the next build.
 */
public final class UnpinnedTool implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/unpinned-tool",
            "Setup action installs the latest tool release", Severity.WARNING, Category.SECURITY,
            FileKind.GITHUB_ACTIONS);

    /** Actions whose version input defaults to the latest release: owner/repo -> input. */
    private static final Map<String, String> LATEST_BY_DEFAULT = Map.of(
            "aquasecurity/setup-trivy", "version",
            "1password/load-secrets-action", "version",
            "hashicorp/setup-terraform", "terraform_version",
            "azure/setup-helm", "version",
            "azure/setup-kubectl", "version");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        for (Job j : w.jobs()) {
            for (Step s : j.steps()) {
                if (s.uses() == null || Gha.neverRuns(s)) {
                    continue;
                }
                String repo = Gha.ownerRepo(s.uses().value());
                YMap with = s.get("with") instanceof YMap m ? m : null;
                boolean reported = false;
                if (with != null) {
                    for (YEntry e : with.entries()) {
                        String k = e.keyText() == null ? "" : e.keyText().toLowerCase(Locale.ROOT);
                        if ((k.equals("version") || k.endsWith("-version") || k.endsWith("_version"))
                                && e.value() instanceof YScalar v && v.value().strip().equalsIgnoreCase("latest")) {
                            ctx.report(v.range(), k + ": latest downloads whatever release is newest when the job"
                                    + " runs, so a new or compromised release runs unreviewed; pin a version");
                            reported = true;
                        }
                    }
                }
                String input = repo == null ? null : LATEST_BY_DEFAULT.get(repo);
                if (!reported && input != null && (with == null || !with.has(input))) {
                    ctx.report(s.uses().range(), repo + " installs the latest release when " + input + " is not"
                            + " set, so a new or compromised release runs unreviewed; set " + input
                            + " to a fixed version");
                }
            }
        }
    }
}

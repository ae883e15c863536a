package io.archlens.rules.gha;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.gha.Job;
import io.archlens.syntax.gha.Workflow;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;

/** Job containers and service containers without a tag or digest, or on {@code latest}. */
public final class UnpinnedContainerImage implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/unpinned-container-image",
            "Container image is not pinned", Severity.WARNING, Category.SECURITY, FileKind.GITHUB_ACTIONS);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        for (Gha.Container c : Gha.containers(w)) {
            check(c.node(), c.label(), ctx);
        }
    }

    private static void check(YNode container, String where, RuleContext ctx) {
        YNode image = container instanceof YMap c ? c.get("image") : container;
        if (!(image instanceof YScalar s) || s.value().isBlank() || s.value().contains("${{")) {
            return;
        }
        String v = s.value().strip();
        if (v.contains("@sha256:")) {
            return;
        }
        int slash = v.lastIndexOf('/');
        int colon = v.lastIndexOf(':');
        String tag = colon > slash ? v.substring(colon + 1) : null;
        if (tag == null || tag.equalsIgnoreCase("latest")) {
            ctx.report(s.range(), "The image of " + where + " (" + v + ") is " + (tag == null ? "not pinned" : "on latest")
                    + ": every run pulls whatever the tag points to now, so a compromised or changed image runs with"
                    + " the job's token and secrets; pin a version tag, better a digest (@sha256:...)");
        }
    }
}

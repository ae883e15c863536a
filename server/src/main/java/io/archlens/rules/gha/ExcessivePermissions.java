package io.archlens.rules.gha;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.gha.Job;
import io.archlens.syntax.gha.Workflow;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;

/** {@code permissions: write-all} at the workflow or job level. */
public final class ExcessivePermissions implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/excessive-permissions",
            "Token gets write access to everything", Severity.ERROR, Category.SECURITY, FileKind.GITHUB_ACTIONS);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        if (w.composite()) {
            return; // job-level: a composite action runs inside its caller's job
        }
        if (w.root() != null) {
            check(ctx, w.root().get("permissions"), "the workflow");
        }
        for (Job j : w.jobs()) {
            check(ctx, j.get("permissions"), "job " + j.id());
        }
    }

    private static void check(RuleContext ctx, YNode p, String where) {
        if (p instanceof YScalar s && s.value().strip().equals("write-all")) {
            ctx.report(s.range(), "permissions: write-all gives " + where + " a token that can push code, publish"
                    + " packages and change releases; any compromised step or dependency gets the same; list only"
                    + " the scopes needed (e.g. contents: read, packages: write)");
        }
    }
}

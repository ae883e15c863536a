package io.archlens.rules.gha;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.gha.Job;
import io.archlens.syntax.gha.Workflow;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;

/**
 * Token scopes wider than a job needs, short of write-all ({@link ExcessivePermissions}): {@code read-all}, which
 * reads every scope (packages, security alerts, actions logs of a private repository), and write scopes declared
 * for the whole workflow when it has several jobs, so jobs that only build or test get them too. A workflow of one
 * job is left alone: there the top level is that job's.
 */
public final class BroadPermissions implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/broad-permissions",
            "Token scopes broader than the jobs need", Severity.WARNING, Category.SECURITY, FileKind.GITHUB_ACTIONS);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        if (w.composite() || w.root() == null) {
            return;
        }
        YNode top = w.root().get("permissions");
        readAll(ctx, top, "every job of the workflow");
        for (Job j : w.jobs()) {
            readAll(ctx, j.get("permissions"), "job " + j.id());
        }
        if (top instanceof YMap scopes && w.jobs().size() > 1) {
            long inheriting = w.jobs().stream().filter(j -> !j.map().has("permissions")).count();
            if (inheriting == 0) {
                return; // every job sets its own: the top level applies to none
            }
            for (YEntry e : scopes.entries()) {
                if (e.value() instanceof YScalar v && v.value().strip().equals("write")) {
                    ctx.report(e.key().range(), e.keyText() + ": write at the top level goes to every job that does"
                            + " not set its own permissions (" + inheriting + " of " + w.jobs().size() + " here),"
                            + " including ones that only build or test; grant it in the job that needs it");
                }
            }
        }
    }

    private static void readAll(RuleContext ctx, YNode p, String where) {
        if (p instanceof YScalar s && s.value().strip().equals("read-all")) {
            ctx.report(s.range(), "permissions: read-all lets " + where + " read every scope (packages, security"
                    + " alerts, action logs and more), not just the code; list the scopes needed, e.g. contents: read");
        }
    }
}

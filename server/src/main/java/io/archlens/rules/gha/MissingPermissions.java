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
import io.archlens.syntax.gha.Workflow;
import io.archlens.syntax.yaml.YEntry;

/**
 * No top-level {@code permissions} while some job declares none either: the jobs get the repository's
 * default token permissions, which on many (older) repositories is read-write on everything.
 */
public final class MissingPermissions implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/missing-permissions",
            "Workflow does not restrict the GITHUB_TOKEN permissions", Severity.WARNING, Category.SECURITY,
            FileKind.GITHUB_ACTIONS).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        if (w.composite()) {
            return; // job-level: a composite action runs inside its caller's job
        }
        if (w.root() == null || w.root().has("permissions") || w.jobs().isEmpty()) {
            return;
        }
        int without = 0;
        for (Job j : w.jobs()) {
            if (!j.map().has("permissions")) {
                without++;
            }
        }
        if (without == 0) {
            return;
        }
        YEntry anchor = w.on() != null ? w.on() : w.entry("jobs");
        String msg = "No top-level permissions: " + (without == w.jobs().size() ? "every job runs" : without + " job(s) run")
                + " with the repository's default GITHUB_TOKEN scopes (often write to code, packages and"
                + " releases); declare permissions: contents: read here and grant more per job where needed";
        Edit e = anchor == null ? null : w.edits().insertEntriesAfter(w.root(), anchor, "permissions:\n  contents: read");
        if (e == null) {
            ctx.report(anchor == null ? w.root().range() : anchor.key().range(), msg);
        } else {
            ctx.report(anchor.key().range(), msg, Fix.unsafe("Add permissions: contents: read", e));
        }
    }
}

package io.archlens.rules.gha;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.gha.Workflow;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YSeq;

/**
 * {@code insecure-external-code-execution: allow} in a Dependabot updater: the package manager may run code from
 * the manifests and their dependencies (setup.py, gemspecs, install scripts) while Dependabot resolves an update,
 * with the registry credentials the configuration gives it.
 */
public final class DependabotCodeExecution implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/dependabot-code-execution",
            "Dependabot may run dependency code during updates", Severity.WARNING, Category.SECURITY,
            FileKind.GITHUB_ACTIONS);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        if (!w.dependabot()) {
            return;
        }
        for (YNode item : ((YSeq) w.root().get("updates")).items()) {
            YEntry e = item instanceof YMap u ? u.entry("insecure-external-code-execution") : null;
            if (e != null && e.value() instanceof YScalar v && v.value().strip().equals("allow")) {
                ctx.report(v.range(), "insecure-external-code-execution: allow lets the package manager run code"
                        + " from the manifests and dependencies while Dependabot updates them, with the registry"
                        + " credentials of this file; set it to deny (the default)");
            }
        }
    }
}

package io.archlens.rules.gha;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.gha.Workflow;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;

/** A container or service registry password written in the workflow instead of taken from a secret. */
public final class HardcodedRegistryCredentials implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/hardcoded-registry-credentials",
            "Registry password is written in the workflow", Severity.ERROR, Category.SECURITY, FileKind.GITHUB_ACTIONS);

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
        if (container instanceof YMap c && c.get("credentials") instanceof YMap cred
                && cred.get("password") instanceof YScalar p && !p.value().isBlank() && !p.value().contains("${{")) {
            ctx.report(p.range(), "The registry password of " + where + " is written in the workflow: everyone who"
                    + " can read the repository (and its history, forever) can push and pull as that account;"
                    + " rotate it and use ${{ secrets.NAME }}");
        }
    }
}

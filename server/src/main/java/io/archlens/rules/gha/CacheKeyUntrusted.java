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
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;

/** Cache keys built from attacker-controlled values (branch names, titles): cache poisoning. */
public final class CacheKeyUntrusted implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/cache-key-untrusted",
            "Cache key is built from untrusted input", Severity.WARNING, Category.SECURITY, FileKind.GITHUB_ACTIONS);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        for (Job j : w.jobs()) {
            for (Step s : j.steps()) {
                if (!s.usesAction("actions/cache")) {
                    continue;
                }
                for (String input : new String[] {"key", "restore-keys"}) {
                    YNode n = s.withNode(input);
                    if (!(n instanceof YScalar sc)) {
                        continue;
                    }
                    for (Gha.Expr e : Gha.expressions(ctx.text(), sc)) {
                        String u = Gha.untrusted(e.inner());
                        if (u != null) {
                            ctx.report(e.range(), "The cache " + input + " contains " + u + ", which a pull request"
                                    + " author chooses: a crafted value can make trusted runs restore a cache the"
                                    + " attacker wrote; key caches on hashFiles(...) of lock files and runner.os");
                        }
                    }
                }
            }
        }
    }
}

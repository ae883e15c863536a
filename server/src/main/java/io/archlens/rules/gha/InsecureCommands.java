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
import io.archlens.syntax.yaml.YScalar;

/** {@code ACTIONS_ALLOW_UNSECURE_COMMANDS} re-enabling the deprecated set-env / add-path workflow commands. */
public final class InsecureCommands implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/insecure-commands",
            "Deprecated insecure workflow commands are enabled", Severity.ERROR, Category.SECURITY, FileKind.GITHUB_ACTIONS);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        for (YMap m : Gha.envMaps(w)) {
            YEntry e = m.entry("ACTIONS_ALLOW_UNSECURE_COMMANDS");
            if (e != null && e.value() instanceof YScalar s && !s.value().isBlank()
                    && !s.value().strip().equalsIgnoreCase("false") && !s.value().strip().equals("0")) {
                ctx.report(e.key().range(), "ACTIONS_ALLOW_UNSECURE_COMMANDS re-enables ::set-env and ::add-path,"
                        + " which GitHub disabled because any output line of a step (a log line, a file printed by a"
                        + " test) can then set environment variables or PATH for later steps and run code; write"
                        + " to $GITHUB_ENV / $GITHUB_PATH instead");
            }
        }
    }
}

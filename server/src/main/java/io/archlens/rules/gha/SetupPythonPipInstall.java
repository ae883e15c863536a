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

/**
 * The {@code pip-install} input of {@code actions/setup-python}: packages go into the interpreter's global
 * site-packages, out of sight of the project's lock and virtual environment, in a step that reads as a setup step.
 */
public final class SetupPythonPipInstall implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/setup-python-pip-install",
            "setup-python installs packages globally", Severity.WARNING, Category.RELIABILITY,
            FileKind.GITHUB_ACTIONS);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        for (Job j : w.jobs()) {
            for (Step s : j.steps()) {
                if (s.usesAction("actions/setup-python") && s.get("with") instanceof YMap with) {
                    YEntry e = with.entry("pip-install");
                    if (e != null) {
                        ctx.report(e.key().range(), "pip-install installs into the runner's global Python, outside"
                                + " the project's lock file and virtual environment, where conflicts and unpinned"
                                + " versions go unnoticed; install in a run: step into a virtual environment");
                    }
                }
            }
        }
    }
}

package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.Instruction;
import io.archlens.syntax.dockerfile.ShellCommand;
import java.util.List;

/** A RUN that starts with {@code cd dir &&}: WORKDIR says that once for all later instructions. */
final class CdInRun implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("cd-in-run", "RUN starts with cd instead of using WORKDIR",
            Severity.INFO, Category.MAINTAINABILITY);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Instruction run : Docker.allRuns(d)) {
            List<ShellCommand> cmds = run.commands();
            if (cmds.size() < 2) {
                continue;
            }
            ShellCommand first = cmds.get(0);
            String op = first.opAfter();
            if (!first.name().equals("cd") || first.depth() != 0 || first.effective().size() != 2
                    || !("&&".equals(op) || ";".equals(op) || "\n".equals(op))) {
                continue;
            }
            String dir = first.effective().get(1).text();
            ctx.report(first.range(), "cd only lasts for this RUN; set WORKDIR " + dir + " instead, so this and "
                    + "later instructions run there and the layout is visible in one place");
        }
    }
}

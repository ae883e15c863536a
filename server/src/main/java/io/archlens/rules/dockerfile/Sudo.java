package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.Instruction;
import io.archlens.syntax.dockerfile.ShellCommand;
import io.archlens.syntax.dockerfile.Word;

/** {@code sudo} in a RUN: privilege changes belong in USER instructions. */
final class Sudo implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("sudo", "sudo used in a build step", Severity.WARNING,
            Category.SECURITY);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Instruction run : Docker.allRuns(d)) {
            // one cause per step: `sudo a && sudo b` is one finding, at the first sudo
            Word first = null;
            int count = 0;
            for (ShellCommand c : run.commands()) {
                Word head = c.head();
                if (head != null && head.text().equals("sudo")) {
                    first = first == null ? head : first;
                    count++;
                }
            }
            if (first != null) {
                ctx.report(first.range(), "sudo in a build step" + (count > 1 ? " (" + count + " commands of this RUN)" : "")
                        + " means sudo is installed in the image (a ready privilege escalation path) and hides which "
                        + "user a step runs as; use USER root for the step and switch back with USER afterwards");
            }
        }
    }
}

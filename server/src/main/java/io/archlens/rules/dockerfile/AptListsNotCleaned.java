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

/**
 * A RUN that runs apt-get update and install but leaves /var/lib/apt/lists in the layer. Removing the lists in a
 * later RUN does not help: the earlier layer still carries them.
 */
final class AptListsNotCleaned implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("apt-lists-not-cleaned",
            "apt package lists left in the image layer", Severity.INFO, Category.PERFORMANCE);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Instruction run : Docker.runs(d.shippedStages())) {
            boolean update = false;
            ShellCommand install = null;
            Word sub = null;
            for (ShellCommand c : run.commands()) {
                if (Docker.apt(c, "update") != null) {
                    update = true;
                }
                Word s = Docker.apt(c, "install");
                if (s != null && install == null) {
                    install = c;
                    sub = s;
                }
            }
            if (!update || install == null || Docker.removes(run, "/var/lib/apt/lists")
                    || Docker.outOfLayer(run, "/var/lib/apt")) {
                continue;
            }
            ctx.report(Docker.span(install, sub), "apt-get update leaves its package lists (tens of MB) in this "
                    + "layer; end the same RUN with && rm -rf /var/lib/apt/lists/*");
        }
    }
}

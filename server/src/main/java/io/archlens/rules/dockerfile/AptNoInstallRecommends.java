package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.Instruction;
import io.archlens.syntax.dockerfile.ShellCommand;
import io.archlens.syntax.dockerfile.Word;

/** {@code apt-get install} without {@code --no-install-recommends} in a stage that ships. */
final class AptNoInstallRecommends implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("apt-no-install-recommends",
            "apt-get install pulls in recommended packages", Severity.INFO, Category.PERFORMANCE).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        if (ctx.text().contains("Install-Recommends")) {
            // configured globally (apt.conf snippet or -o APT::Install-Recommends=...)
            return;
        }
        for (Instruction run : Docker.runs(d.shippedStages())) {
            for (ShellCommand c : run.commands()) {
                Word install = Docker.apt(c, "install");
                if (install == null || c.hasOption("--no-install-recommends")) {
                    continue;
                }
                ctx.report(Docker.span(c, install), c.name() + " install also installs every 'recommended' package, "
                        + "often doubling the image size and attack surface; add --no-install-recommends",
                        Fix.safe("Add --no-install-recommends", Edit.insert(install.range().end(),
                                " --no-install-recommends")));
            }
        }
    }
}

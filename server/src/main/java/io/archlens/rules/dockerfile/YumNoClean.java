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

/** yum/dnf/microdnf install without a clean in the same RUN, in a stage that ships. */
final class YumNoClean implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("yum-no-clean", "yum/dnf metadata and cache left in the image",
            Severity.INFO, Category.PERFORMANCE);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Instruction run : Docker.runs(d.shippedStages())) {
            if (Docker.removes(run, "/var/cache/yum", "/var/cache/dnf", "/var/cache/microdnf")
                    || Docker.cacheMount(run, "/var/cache/yum", "/var/cache/dnf", "/var/cache/libdnf5")) {
                continue;
            }
            boolean cleaned = false;
            for (ShellCommand c : run.commands()) {
                if (Docker.yum(c, "clean") != null) {
                    cleaned = true;
                }
            }
            if (cleaned) {
                continue;
            }
            for (ShellCommand c : run.commands()) {
                Word install = Docker.yum(c, "install", "groupinstall", "localinstall", "reinstall");
                if (install == null) {
                    continue;
                }
                ctx.report(Docker.span(c, install), c.name() + " " + install.text() + " leaves repository metadata "
                        + "and cached packages (often 100+ MB) in this layer; end the same RUN with && "
                        + c.name() + " clean all");
                break;
            }
        }
    }
}

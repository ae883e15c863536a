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

/** A blanket {@code apt-get upgrade}/{@code dist-upgrade}, {@code apk upgrade}, {@code yum update} or {@code zypper dup}. */
final class PackageUpgrade implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("package-upgrade",
            "Blanket OS package upgrade during the build", Severity.INFO, Category.RELIABILITY);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Instruction run : Docker.runs(d.shippedStages())) {
            for (ShellCommand c : run.commands()) {
                Word sub = Docker.apt(c, "upgrade", "dist-upgrade", "full-upgrade");
                if (sub == null) {
                    Word s = Docker.apk(c, "upgrade");
                    if (s != null && Docker.operands(c, s, Docker.APK_VALUE_OPTS).isEmpty()) {
                        sub = s;
                    }
                }
                if (sub == null) {
                    Word s = Docker.yum(c, "update", "upgrade", "distro-sync");
                    if (s != null && Docker.operands(c, s, Docker.YUM_VALUE_OPTS).isEmpty()) {
                        sub = s;
                    }
                }
                if (sub == null) {
                    sub = Docker.zypper(c, "dist-upgrade", "dup", "update", "up");
                    if (sub != null && !Docker.operands(c, sub, Docker.ZYPPER_VALUE_OPTS).isEmpty()) {
                        sub = null; // zypper update <packages>: a chosen update, not a blanket one
                    }
                }
                if (sub == null) {
                    continue;
                }
                ctx.report(Docker.span(c, sub), c.name() + " " + sub.text() + " makes the image depend on the day "
                        + "it was built and can pull in changes the base image maintainers have not shipped; "
                        + "rebuild on a fresher base image tag instead, or upgrade only the packages you need");
            }
        }
    }
}

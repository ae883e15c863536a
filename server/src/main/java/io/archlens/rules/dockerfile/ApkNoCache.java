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

/** {@code apk add} without {@code --no-cache} in a stage that ships: the package index stays in the layer. */
final class ApkNoCache implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("apk-no-cache", "apk add keeps its package cache in the image",
            Severity.INFO, Category.PERFORMANCE).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Instruction run : Docker.runs(d.shippedStages())) {
            if (Docker.removes(run, "/var/cache/apk") || Docker.outOfLayer(run, "/var/cache/apk", "/etc/apk/cache")) {
                continue;
            }
            boolean cleaned = false;
            for (ShellCommand c : run.commands()) {
                if (Docker.apk(c, "cache") != null && c.find("clean", "purge") != null) {
                    cleaned = true;
                }
            }
            if (cleaned) {
                continue;
            }
            for (ShellCommand c : run.commands()) {
                Word add = Docker.apk(c, "add");
                if (add == null || c.hasOption("--no-cache")) {
                    continue;
                }
                ctx.report(Docker.span(c, add), "apk add stores the package index under /var/cache/apk in this "
                        + "layer; use apk add --no-cache (it also makes a separate apk update unnecessary)",
                        Fix.safe("Add --no-cache", Edit.insert(add.range().end(), " --no-cache")));
            }
        }
    }
}

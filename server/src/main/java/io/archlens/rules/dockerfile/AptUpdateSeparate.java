package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.Instruction;
import io.archlens.syntax.dockerfile.ShellCommand;
import io.archlens.syntax.dockerfile.Stage;
import io.archlens.syntax.dockerfile.Word;
import java.util.List;

/** {@code RUN apt-get update} on its own, with the install in a later RUN: the cached update goes stale. */
final class AptUpdateSeparate implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("apt-update-separate",
            "apt-get update in a different RUN than apt-get install", Severity.WARNING, Category.RELIABILITY);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Stage s : d.stages()) {
            List<Instruction> runs = Docker.runs(s);
            for (int k = 0; k < runs.size(); k++) {
                ShellCommand update = null;
                Word sub = null;
                boolean installs = false;
                for (ShellCommand c : runs.get(k).commands()) {
                    Word u = Docker.apt(c, "update");
                    if (u != null && update == null) {
                        update = c;
                        sub = u;
                    }
                    if (Docker.apt(c, "install", "upgrade", "dist-upgrade", "full-upgrade") != null) {
                        installs = true;
                    }
                }
                if (update == null || installs || !laterInstall(runs, k)) {
                    continue;
                }
                ctx.report(Docker.span(update, sub), "apt-get update in its own RUN is cached on its own: when the "
                        + "install line changes later, Docker reuses these old package lists and the install can fail "
                        + "or get outdated versions; run update and install in the same RUN");
            }
        }
    }

    private static boolean laterInstall(List<Instruction> runs, int k) {
        for (int j = k + 1; j < runs.size(); j++) {
            for (ShellCommand c : runs.get(j).commands()) {
                if (Docker.apt(c, "install") != null) {
                    return true;
                }
            }
        }
        return false;
    }
}

package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.Instruction;
import io.archlens.syntax.dockerfile.Word;
import java.util.List;
import io.archlens.syntax.dockerfile.ShellCommand;

/** {@code useradd -u 123456} without {@code -l}: lastlog and faillog grow to the UID's size, as sparse files
 * that layers store whole. */
final class UseraddHighUid implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("useradd-high-uid", "useradd with a large UID bloats the image",
            Severity.INFO, Category.PERFORMANCE).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Instruction run : Docker.allRuns(d)) {
            for (ShellCommand c : run.commands()) {
                if (!c.name().equals("useradd") || c.hasOption("-l", "--no-log-init")
                        || Docker.hasShortFlag(c, 'l', "bcdefgGkKpsuU")) {
                    continue;
                }
                List<Word> e = c.effective();
                for (int k = 1; k + 1 < e.size(); k++) {
                    if ((e.get(k).is("-u") || e.get(k).is("--uid")) && e.get(k + 1).text().matches("[0-9]{6,}")) {
                        ctx.report(Docker.span(c, e.get(k + 1)), "useradd with UID " + e.get(k + 1).text()
                                + " writes /var/log/lastlog and faillog sized for that UID, which image layers store "
                                + "whole (can be gigabytes); add -l (--no-log-init)", io.archlens.analysis.Fix.safe(
                                "Add -l", io.archlens.analysis.Edit.insert(e.get(0).range().end(), " -l")));
                    }
                }
            }
        }
    }
}

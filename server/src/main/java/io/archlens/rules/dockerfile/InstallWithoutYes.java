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
import java.util.List;

/** apt-get/yum/dnf install without {@code -y}: the build aborts at the first confirmation prompt. */
final class InstallWithoutYes implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("install-without-yes",
            "Package install that waits for a confirmation no one can give", Severity.WARNING,
            Category.RELIABILITY).withFix();
    private static final String[] APT_SUBS = {"install", "upgrade", "dist-upgrade", "full-upgrade", "remove",
        "purge", "autoremove"};
    private static final String[] ZYPPER_SUBS = {"install", "in", "remove", "rm", "update", "up", "dist-upgrade",
        "dup", "patch", "source-install", "si"};
    private static final String[] YUM_SUBS = {"install", "update", "upgrade", "remove", "erase", "groupinstall",
        "reinstall", "downgrade", "localinstall"};

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        if (ctx.text().contains("Assume-Yes") || ctx.text().contains("assumeyes=")) {
            return;
        }
        for (Instruction run : Docker.allRuns(d)) {
            List<ShellCommand> cmds = run.commands();
            for (int k = 0; k < cmds.size(); k++) {
                ShellCommand c = cmds.get(k);
                Word sub = Docker.apt(c, APT_SUBS);
                boolean apt = sub != null;
                if (sub == null && !c.name().equals("microdnf")) {
                    sub = Docker.yum(c, YUM_SUBS);
                }
                if (sub == null) {
                    sub = Docker.zypper(c, ZYPPER_SUBS);
                    if (sub != null && c.hasOption("-n", "--non-interactive", "--no-confirm")) {
                        continue; // zypper's global -n or the subcommand's --no-confirm (-y, checked below)
                    }
                }
                if (sub == null || answered(c, apt)) {
                    continue;
                }
                if (k > 0 && "|".equals(cmds.get(k - 1).opAfter()) && cmds.get(k - 1).name().equals("yes")) {
                    continue;
                }
                ctx.report(Docker.span(c, sub), c.name() + " " + sub.text() + " without -y stops at the "
                        + "'Do you want to continue?' prompt, and a build has no one to answer it; add -y",
                        Fix.safe("Add -y", Edit.insert(sub.range().end(), " -y")));
            }
        }
    }

    private static boolean answered(ShellCommand c, boolean apt) {
        if (c.hasOption("-y", "--yes", "--assume-yes", "--assumeyes", "-qq", "--quiet=2", "-q=2")) {
            return true;
        }
        if (Docker.hasShortFlag(c, 'y', apt ? "oct" : "cdex")) {
            return true;
        }
        if (!apt) {
            return false;
        }
        // quiet level 2 (-qq, -qqy, or -q given twice, -q -q / --quiet --quiet) implies -y for apt-get
        int quiet = 0;
        for (Word w : c.effective()) {
            String t = w.text();
            if (t.equals("--quiet")) {
                quiet++;
            } else if (t.startsWith("-") && !t.startsWith("--")) {
                quiet += (int) t.chars().filter(ch -> ch == 'q').count();
            }
        }
        return quiet >= 2;
    }
}

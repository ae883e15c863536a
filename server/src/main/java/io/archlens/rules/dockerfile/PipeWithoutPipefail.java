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
import java.util.Set;

/**
 * A RUN pipeline whose left side can fail unnoticed: without {@code pipefail} only the last command's status
 * counts. Skipped when SHELL or the script sets pipefail, for harmless producers (echo, printf, yes) and for
 * download-into-shell pipes (reported by docker/curl-pipe-shell).
 */
final class PipeWithoutPipefail implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("pipe-without-pipefail", "RUN pipeline hides failures (no pipefail)",
            Severity.WARNING, Category.RELIABILITY);
    private static final Set<String> HARMLESS = Set.of("echo", "printf", "yes", "true", "cat", "");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Stage s : d.stages()) {
            if (Docker.isWindows(d, s) || shellSetsPipefail(s)) {
                continue;
            }
            for (Instruction run : Docker.runs(s)) {
                check(run, ctx);
            }
        }
    }

    private static boolean shellSetsPipefail(Stage s) {
        Instruction shell = s.lastInherited("SHELL");
        if (shell == null || !shell.isExecForm()) {
            return false;
        }
        for (Word w : shell.execArgs()) {
            if (w.text().contains("pipefail")) {
                return true;
            }
        }
        return false;
    }

    private static void check(Instruction run, RuleContext ctx) {
        List<ShellCommand> cmds = run.commands();
        boolean pipefail = false;
        for (int k = 0; k < cmds.size(); k++) {
            ShellCommand c = cmds.get(k);
            if (setsPipefail(c)) {
                pipefail = true;
            }
            if (pipefail || !"|".equals(c.opAfter()) || k > 0 && "|".equals(cmds.get(k - 1).opAfter())) {
                continue;
            }
            int end = k;
            boolean risky = false;
            while (end + 1 < cmds.size() && "|".equals(cmds.get(end).opAfter())) {
                if (!HARMLESS.contains(cmds.get(end).name())) {
                    risky = true;
                }
                end++;
            }
            boolean downloadIntoShell = CurlPipeShell.pipesDownloadIntoShell(cmds, end - 1);
            if (!risky || downloadIntoShell) {
                k = end;
                continue;
            }
            ctx.report(c.range().union(cmds.get(end).range()), "Only the last command of this pipeline decides "
                    + "whether the RUN fails, so a failing '" + c.name() + "' goes unnoticed; declare "
                    + "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] (or start the RUN with set -o pipefail && "
                    + "where /bin/sh supports it)");
            return;
        }
    }

    /** {@code set -o pipefail}, {@code set -euo pipefail}, {@code set -eux -o pipefail}. */
    static boolean setsPipefail(ShellCommand c) {
        if (!c.name().equals("set")) {
            return false;
        }
        List<Word> e = c.effective();
        for (int k = 1; k + 1 < e.size(); k++) {
            String t = e.get(k).text();
            if (t.startsWith("-") && t.endsWith("o") && e.get(k + 1).is("pipefail")) {
                return true;
            }
        }
        return false;
    }
}

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
import java.util.List;
import java.util.Set;

/** {@code curl ... | sh}, {@code wget -O- ... | bash}, {@code sh -c "$(curl ...)"}: running an unverified download. */
final class CurlPipeShell implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("curl-pipe-shell", "Downloaded script piped straight into a shell",
            Severity.WARNING, Category.SECURITY);
    static final Set<String> INTERPRETERS = Set.of("sh", "bash", "ash", "dash", "zsh", "ksh", "python", "python3",
            "perl", "ruby", "node");
    static final Set<String> DOWNLOADERS = Set.of("curl", "wget");

    @Override
    public RuleMeta meta() {
        return META;
    }

    /** True when commands k and k+1 are a download piped into an interpreter. */
    static boolean pipesDownloadIntoShell(List<ShellCommand> cmds, int k) {
        return k >= 0 && k + 1 < cmds.size() && "|".equals(cmds.get(k).opAfter())
                && DOWNLOADERS.contains(cmds.get(k).name()) && INTERPRETERS.contains(cmds.get(k + 1).name());
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Instruction run : Docker.allRuns(d)) {
            List<ShellCommand> cmds = run.commands();
            for (int k = 0; k < cmds.size(); k++) {
                ShellCommand c = cmds.get(k);
                if (pipesDownloadIntoShell(cmds, k)) {
                    ctx.report(c.range().union(cmds.get(k + 1).range()), "Piping " + c.name() + " into "
                            + cmds.get(k + 1).name() + " runs whatever the server (or anyone in between) returns, "
                            + "even a truncated script; download to a file, verify its checksum, then run it");
                    continue;
                }
                if (INTERPRETERS.contains(c.name())) {
                    for (Word w : c.effective()) {
                        String t = w.text();
                        if (t.contains("$(curl") || t.contains("$(wget") || t.contains("<(curl") || t.contains("<(wget")
                                || t.contains("`curl") || t.contains("`wget")) {
                            ctx.report(c.range(), "Running " + c.name() + " on a script fetched inline runs "
                                    + "whatever the server returns, unverified; download to a file, verify its "
                                    + "checksum, then run it");
                            break;
                        }
                    }
                }
            }
        }
    }
}

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

/** {@code ln -sf /bin/bash /bin/sh}: replaces the system shell for every later script and package hook. */
final class ShellSymlink implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("shell-symlink", "/bin/sh replaced by a symlink instead of SHELL",
            Severity.INFO, Category.RELIABILITY);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Instruction run : Docker.allRuns(d)) {
            for (ShellCommand c : run.commands()) {
                List<Word> e = c.effective();
                if (c.name().equals("ln") && e.size() > 2 && e.get(e.size() - 1).is("/bin/sh")) {
                    ctx.report(Docker.span(c, e.get(e.size() - 1)), "Linking /bin/sh to another shell changes it for "
                            + "every script and package hook in the image, not only for RUN; use SHELL [\"/bin/bash\", "
                            + "\"-c\"] for the build's RUN instructions");
                }
            }
        }
    }
}

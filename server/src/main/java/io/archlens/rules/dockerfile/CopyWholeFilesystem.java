package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.Instruction;
import io.archlens.syntax.dockerfile.Stage;
import io.archlens.syntax.dockerfile.Word;
import java.util.List;

/** {@code COPY --from=stage / /}: the other stage's whole file system laid over this one's. */
final class CopyWholeFilesystem implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("copy-whole-filesystem", "COPY --from of a whole file system onto /",
            Severity.WARNING, Category.RELIABILITY);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Stage s : d.stages()) {
            for (Instruction i : Docker.of(s.instructions(), "COPY")) {
                if (i.flag("from") == null) {
                    continue;
                }
                List<Word> w = i.isExecForm() ? i.execArgs() : i.words();
                if (w.size() == 2 && w.get(0).is("/") && w.get(1).is("/")) {
                    ctx.report(i.range(), "This copies every file of the other stage (its /etc, /usr, package "
                            + "database, users) over this image's, mixing two distributions' files; copy the "
                            + "directories the application needs (COPY --from=... /app /app)");
                }
            }
        }
    }
}

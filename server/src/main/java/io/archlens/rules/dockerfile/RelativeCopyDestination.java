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

/** COPY/ADD to a relative destination in a stage (chain) that never sets WORKDIR. */
final class RelativeCopyDestination implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("relative-copy-destination", "COPY to a relative path without WORKDIR",
            Severity.INFO, Category.RELIABILITY);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Stage s : d.stages()) {
            if (s.parent() != null && s.parent().lastInherited("WORKDIR") != null) {
                continue;
            }
            for (Instruction i : s.instructions()) {
                if (i.is("WORKDIR")) {
                    break;
                }
                if (!i.is("COPY") && !i.is("ADD") || !i.heredocs().isEmpty()) {
                    continue;
                }
                List<Word> w = i.isExecForm() ? i.execArgs() : i.words();
                if (w.size() < 2) {
                    continue;
                }
                Word dest = w.get(w.size() - 1);
                if (RelativeWorkdir.absolute(dest.text())) {
                    continue;
                }
                ctx.report(dest.range(), "'" + dest.text() + "' is relative and no WORKDIR is set, so the files land "
                        + "in the base image's working directory (often /); set WORKDIR before this " + i.keyword()
                        + " or use an absolute path");
                break;
            }
        }
    }
}

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

/** COPY/ADD of several sources to a destination without a trailing slash: Docker refuses the build. */
final class CopyManyToFile implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("copy-many-to-file", "COPY of several files to a destination that is "
            + "not a directory", Severity.ERROR, Category.RELIABILITY).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Stage s : d.stages()) {
            for (String kw : new String[] {"COPY", "ADD"}) {
                for (Instruction i : Docker.of(s.instructions(), kw)) {
                    List<Word> w = i.isExecForm() ? i.execArgs() : i.words();
                    if (w.size() < 3 || !i.heredocs().isEmpty()) {
                        continue;
                    }
                    Word dest = w.get(w.size() - 1);
                    String t = dest.text();
                    if (t.endsWith("/") || t.endsWith("\\") || t.contains("$") || t.equals(".")) {
                        continue;
                    }
                    ctx.report(dest.range(), kw + " of " + (w.size() - 1) + " sources needs a directory as "
                            + "destination, written with a trailing slash: the build fails with '" + t + "'; write "
                            + t + "/", io.archlens.analysis.Fix.safe("Add the trailing slash",
                            io.archlens.analysis.Edit.insert(endOf(ctx, dest), "/")));
                }
            }
        }
    }

    private static int endOf(RuleContext ctx, Word w) {
        int end = w.range().end();
        char last = ctx.text().charAt(end - 1);
        return w.quoted() && (last == '"' || last == '\'') ? end - 1 : end;
    }
}

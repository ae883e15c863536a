package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.analysis.Tag;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.Instruction;
import io.archlens.syntax.dockerfile.Stage;
import java.util.List;

/** More than one CMD (or ENTRYPOINT, or HEALTHCHECK) in a stage: all but the last are ignored. */
final class MultipleCmd implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("multiple-cmd", "More than one CMD, ENTRYPOINT or HEALTHCHECK in a stage",
            Severity.WARNING, Category.RELIABILITY).tagged(Tag.UNNECESSARY);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Stage s : d.stages()) {
            for (String kw : new String[] {"CMD", "ENTRYPOINT", "HEALTHCHECK"}) {
                List<Instruction> all = s.all(kw);
                if (all.size() < 2) {
                    continue;
                }
                Instruction last = all.get(all.size() - 1);
                for (int k = 0; k < all.size() - 1; k++) {
                    ctx.report(all.get(k).range(), "Only the last " + kw + " of a stage takes effect (line "
                            + (last.line() + 1) + "); this one is ignored, remove it (chain commands in a script if "
                            + "you need several)");
                }
            }
        }
    }
}

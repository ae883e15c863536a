package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.ImageRef;
import io.archlens.syntax.dockerfile.Stage;
import io.archlens.syntax.image.EolTable;
import java.time.LocalDate;

/** A base image past its end of life, per the dated table {@code archlens/data/docker-eol.tsv}. */
final class EolBaseImage implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("eol-base-image", "End-of-life base image", Severity.WARNING,
            Category.SECURITY);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        LocalDate today = EolTable.today();
        for (Stage s : d.stages()) {
            ImageRef img = s.image();
            if (img == null || img.isStageRef() || !img.isResolved() || img.isScratch()) {
                continue;
            }
            EolTable.Entry e = EolTable.match(img.key(), img.tag(), today);
            if (e == null) {
                continue;
            }
            ctx.report(img.range(), "'" + img.display() + "' is past its end of life (" + e.eol() + "): no more "
                    + "security fixes; " + e.advice());
        }
    }
}

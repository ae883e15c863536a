package io.archlens.rules.compose;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.compose.ComposeFile;
import io.archlens.syntax.compose.ComposeService;
import io.archlens.syntax.image.EolTable;
import io.archlens.syntax.image.ImageRef;
import io.archlens.syntax.yaml.YEntry;

/** A service image past its end of life, per the table {@code docker/eol-base-image} uses ({@link EolTable}). */
public final class EolImage implements Rule<ComposeFile> {
    private static final RuleMeta META = RuleMeta.of("compose/eol-image", "End-of-life image", Severity.WARNING,
            Category.SECURITY, FileKind.COMPOSE);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(ComposeFile f, RuleContext ctx) {
        for (ComposeService s : f.services()) {
            YEntry image = s.get("image");
            String why = image == null || s.image() == null ? null : EolTable.pastEndOfLife(s.image());
            if (why != null) {
                ctx.report(image.value().range(), "'" + s.image().raw().strip() + "' of service '" + s.name() + "' is "
                        + why);
            }
        }
    }
}

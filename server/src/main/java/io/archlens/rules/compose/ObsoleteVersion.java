package io.archlens.rules.compose;

import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.analysis.Tag;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.compose.ComposeFile;
import io.archlens.syntax.yaml.YEntry;

/** The top-level {@code version:} is obsolete: Compose v2 ignores it and warns. */
public final class ObsoleteVersion implements Rule<ComposeFile> {
    private static final RuleMeta META = RuleMeta.of("compose/obsolete-version", "Obsolete top-level version",
            Severity.INFO, Category.MAINTAINABILITY, FileKind.COMPOSE).withFix().tagged(Tag.DEPRECATED);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(ComposeFile f, RuleContext ctx) {
        YEntry v = f.version();
        if (v == null || f.root() == null) {
            return;
        }
        String msg = "The top-level 'version' is obsolete: Compose ignores it (and warns), and it does not select "
                + "a file format; remove it";
        Edit edit = f.edits().removeEntry(f.root(), v);
        if (edit == null) {
            ctx.report(f.edits().entryRange(v), msg);
        } else {
            ctx.report(f.edits().entryRange(v), msg, Fix.safe("Remove 'version'", edit));
        }
    }
}

package io.archlens.rules.compose;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.analysis.Tag;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.compose.ComposeFile;
import io.archlens.syntax.compose.ComposeService;
import io.archlens.syntax.yaml.YEntry;
import java.util.HashSet;
import java.util.Set;

/** {@code links} is a legacy option: service names already resolve on the project network. */
public final class Links implements Rule<ComposeFile> {
    private static final RuleMeta META = RuleMeta.of("compose/links", "Legacy links", Severity.INFO,
            Category.MAINTAINABILITY, FileKind.COMPOSE).tagged(Tag.DEPRECATED);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(ComposeFile f, RuleContext ctx) {
        Set<TextRange> seen = new HashSet<>();
        for (ComposeService s : f.services()) {
            YEntry e = s.get("links");
            if (e != null && seen.add(e.key().range())) {
                ctx.report(e.key().range(), "'links' in service '" + s.name() + "' is a legacy option: services on "
                        + "the same network reach each other by service name; remove it and use depends_on for start order");
            }
        }
    }
}

package io.archlens.rules.compose;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.compose.ComposeFile;
import io.archlens.syntax.compose.ComposeService;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.core.TextRange;
import java.util.HashSet;
import java.util.Set;

/** {@code privileged: true}: the container gets every capability and every host device. */
public final class Privileged implements Rule<ComposeFile> {
    private static final RuleMeta META = RuleMeta.of("compose/privileged", "Service runs privileged",
            Severity.ERROR, Category.SECURITY, FileKind.COMPOSE);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(ComposeFile f, RuleContext ctx) {
        Set<TextRange> seen = new HashSet<>();
        for (ComposeService s : f.services()) {
            YEntry e = s.get("privileged");
            if (e != null && s.isTrue("privileged") && seen.add(e.key().range())) {
                ctx.report(f.edits().entryRange(e), "Service '" + s.name() + "' runs privileged: it can reach every "
                        + "host device and escape the container; remove it and add only the capabilities or devices it needs");
            }
        }
    }
}

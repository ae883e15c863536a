package io.archlens.rules.compose;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.compose.ComposeFile;
import io.archlens.syntax.compose.ComposeService;
import io.archlens.syntax.yaml.YEntry;
import java.util.HashSet;
import java.util.Set;

/** {@code container_name} fixes the container's name: the service cannot scale and projects clash. */
public final class ContainerName implements Rule<ComposeFile> {
    private static final RuleMeta META = RuleMeta.of("compose/container-name", "Fixed container_name",
            Severity.INFO, Category.SCALABILITY, FileKind.COMPOSE);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(ComposeFile f, RuleContext ctx) {
        Set<TextRange> seen = new HashSet<>();
        for (ComposeService s : f.services()) {
            YEntry e = s.get("container_name");
            if (e != null && seen.add(e.key().range())) {
                ctx.report(e.key().range(), "container_name pins the container name of '" + s.name() + "': it cannot "
                        + "be scaled (--scale) and two checkouts of the project clash; remove it, other services reach "
                        + "it by the service name '" + s.name() + "'");
            }
        }
    }
}

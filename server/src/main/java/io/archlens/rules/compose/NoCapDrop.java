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
import io.archlens.syntax.yaml.YScalar;
import java.util.HashSet;
import java.util.Set;

/** No {@code cap_drop: [ALL]}: the container keeps Docker's default capability set (NET_RAW, SETUID, CHOWN...). */
public final class NoCapDrop implements Rule<ComposeFile> {
    private static final RuleMeta META = RuleMeta.of("compose/no-cap-drop", "Default capabilities are not dropped",
            Severity.INFO, Category.SECURITY, FileKind.COMPOSE);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(ComposeFile f, RuleContext ctx) {
        Set<TextRange> seen = new HashSet<>();
        for (ComposeService s : ComposeSupport.fullyVisible(f)) {
            if (s.isTrue("privileged")) {
                continue;
            }
            YEntry drop = s.get("cap_drop");
            if (drop == null) {
                ctx.report(s.nameRange(), "Service '" + s.name() + "' keeps Docker's default capabilities (NET_RAW, "
                        + "SETUID, CHOWN...): add cap_drop: [ALL] and cap_add back only what it needs");
                continue;
            }
            boolean all = false;
            for (YScalar c : ComposeSupport.scalarItems(drop.value())) {
                all |= c.value().strip().equalsIgnoreCase("ALL");
            }
            if (!all && seen.add(drop.key().range())) {
                ctx.report(drop.key().range(), "Service '" + s.name() + "' drops some capabilities but not ALL: drop "
                        + "ALL and cap_add back only what it needs");
            }
        }
    }
}

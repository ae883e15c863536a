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

/** {@code network_mode: host}: no network isolation, every listening port is on the host. */
public final class HostNetwork implements Rule<ComposeFile> {
    private static final RuleMeta META = RuleMeta.of("compose/host-network", "Service uses the host network",
            Severity.WARNING, Category.SECURITY, FileKind.COMPOSE);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(ComposeFile f, RuleContext ctx) {
        for (ComposeService s : f.services()) {
            YEntry e = s.get("network_mode");
            String v = s.text("network_mode");
            if (e != null && v != null && v.strip().equals("host")) {
                ctx.report(f.edits().entryRange(e), "Service '" + s.name() + "' uses the host network: every port it "
                        + "opens is reachable on the host and it can see host traffic; use a Compose network and publish only needed ports");
            }
        }
    }
}

package io.archlens.rules.compose;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.compose.ComposeFile;
import io.archlens.syntax.compose.ComposeService;

/** A stateless service (no volumes, not a database, cache or broker) with a writable root filesystem. */
public final class WritableRootFs implements Rule<ComposeFile> {
    private static final RuleMeta META = RuleMeta.of("compose/writable-root-fs",
            "Stateless service has a writable root filesystem", Severity.INFO, Category.SECURITY, FileKind.COMPOSE);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(ComposeFile f, RuleContext ctx) {
        for (ComposeService s : ComposeSupport.fullyVisible(f)) {
            if (s.isTrue("read_only") || s.stateful() || ComposeSupport.oneShot(f, s)) {
                continue;
            }
            boolean persistent = false;
            for (ComposeService.Mount m : s.mounts()) {
                persistent |= m.persistent();
            }
            if (persistent) {
                continue;
            }
            ctx.report(s.nameRange(), "Service '" + s.name() + "' mounts no volumes but its root filesystem is writable: "
                    + "an attacker can drop tools or change code in it; set read_only: true (with tmpfs: [/tmp] for "
                    + "scratch space)");
        }
    }
}

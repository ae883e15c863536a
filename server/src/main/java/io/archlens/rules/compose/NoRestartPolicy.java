package io.archlens.rules.compose;

import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.compose.ComposeFile;
import io.archlens.syntax.compose.ComposeService;
import io.archlens.syntax.yaml.YNode;

/** No {@code restart} policy: a crashed service (or every service after a host reboot) stays down. */
public final class NoRestartPolicy implements Rule<ComposeFile> {
    private static final RuleMeta META = RuleMeta.of("compose/no-restart-policy", "Service has no restart policy",
            Severity.INFO, Category.RELIABILITY, FileKind.COMPOSE).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(ComposeFile f, RuleContext ctx) {
        for (ComposeService s : ComposeSupport.fullyVisible(f)) {
            YNode deploy = s.value("deploy");
            if (s.has("restart") || (deploy != null && deploy.at("restart_policy") != null)
                    || ComposeSupport.oneShot(f, s)) {
                continue;
            }
            String msg = "Service '" + s.name() + "' has no restart policy: after a crash or a host reboot it stays "
                    + "down; add restart: unless-stopped";
            Edit edit = s.aliased() ? null : f.edits().insertEntries(s.map(), "restart: unless-stopped");
            if (edit == null) {
                ctx.report(s.nameRange(), msg);
            } else {
                ctx.report(s.nameRange(), msg, Fix.safe("Add restart: unless-stopped", edit));
            }
        }
    }
}

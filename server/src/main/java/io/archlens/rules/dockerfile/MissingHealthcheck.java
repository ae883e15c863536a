package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.Instruction;
import io.archlens.syntax.dockerfile.Stage;

/**
 * A final image that serves a port (EXPOSE in the final stage or the stages it builds on) without HEALTHCHECK.
 * An explicit {@code HEALTHCHECK NONE} counts as a decision and is not reported.
 */
final class MissingHealthcheck implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("missing-healthcheck", "Service image without a HEALTHCHECK",
            Severity.INFO, Category.OBSERVABILITY);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        Stage f = d.finalStage();
        if (f == null || f.lastInherited("HEALTHCHECK") != null) {
            return;
        }
        Instruction expose = f.lastInherited("EXPOSE");
        if (expose == null) {
            return;
        }
        ctx.report(expose.keywordRange(), "This image serves " + (expose.args().isBlank() ? "a port"
                : "port " + expose.args().strip()) + " but has no HEALTHCHECK, so Docker and Compose report a hung "
                + "process as running; add HEALTHCHECK CMD <probe> (or HEALTHCHECK NONE when your orchestrator "
                + "probes it)");
    }
}

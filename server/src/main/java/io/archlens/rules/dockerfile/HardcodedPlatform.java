package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.Flag;
import io.archlens.syntax.dockerfile.Stage;

/** {@code FROM --platform=linux/amd64}: a fixed platform instead of $BUILDPLATFORM/$TARGETPLATFORM. */
final class HardcodedPlatform implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("hardcoded-platform", "FROM pinned to one CPU platform",
            Severity.INFO, Category.PERFORMANCE);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Stage s : d.stages()) {
            Flag p = s.from().flag("platform");
            if (p == null || p.value() == null || p.value().contains("$") || p.value().isBlank()) {
                continue;
            }
            ctx.report(p.range(), "--platform=" + p.value() + " forces this platform everywhere: on other hosts "
                    + "(Apple silicon, Graviton, amd64) the stage runs under slow emulation or yields an image for "
                    + "the wrong CPU; drop it, or use $BUILDPLATFORM for build stages and $TARGETPLATFORM otherwise");
        }
    }
}

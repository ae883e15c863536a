package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.Instruction;
import io.archlens.syntax.dockerfile.Stage;
import io.archlens.syntax.dockerfile.Flag;

/**
 * The final stage (or a stage it builds on) is {@code FROM --platform=$BUILDPLATFORM}: a multi-platform build then
 * ships the builder's CPU architecture under every target platform's name.
 */
final class RuntimeBuildPlatform implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("runtime-build-platform", "Runtime stage built for the build machine's "
            + "platform", Severity.WARNING, Category.RELIABILITY);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        Stage last = d.finalStage();
        if (last == null) {
            return;
        }
        for (Stage s : last.chain()) {
            Flag p = s.from().flag("platform");
            if (p == null || p.value() == null || !p.value().contains("BUILDPLATFORM") || s.image() == null
                    || "scratch".equalsIgnoreCase(s.image().raw())) {
                continue;
            }
            ctx.report(p.range(), "The image that ships " + (s == last ? "is" : "builds on stage " + s.label()
                    + ", which is") + " built FROM --platform=$BUILDPLATFORM: a multi-platform build (docker buildx "
                    + "--platform linux/amd64,linux/arm64) then ships the build machine's binaries under every "
                    + "platform, and pods fail with 'exec format error'; use $BUILDPLATFORM only for build stages and "
                    + "drop it here (or use $TARGETPLATFORM)");
            return;
        }
    }
}

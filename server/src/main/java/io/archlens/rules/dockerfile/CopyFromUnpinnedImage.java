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
import io.archlens.syntax.image.ImageRef;

/**
 * {@code COPY --from=<image>} of an external image without a version: the copied binaries change whenever the image
 * is republished. Names of stages, and plain names close to a stage name ({@code docker/copy-from-unknown-stage}'s),
 * are left alone.
 */
final class CopyFromUnpinnedImage implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("copy-from-unpinned-image", "COPY --from an external image without a "
            + "version", Severity.WARNING, Category.RELIABILITY);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Stage s : d.stages()) {
            for (Instruction i : Docker.of(s.instructions(), "COPY")) {
                Flag f = i.flag("from");
                String from = f == null ? null : f.value();
                if (from == null || from.isBlank() || from.contains("$") || from.matches("[0-9]+")
                        || d.stage(from) != null || d.nearlyNamed(from) != null) {
                    continue;
                }
                ImageRef ref = ImageRef.parse(from);
                if (!ref.mutable()) {
                    continue;
                }
                ctx.report(f.valueRange() != null ? f.valueRange() : f.range(), "--from=" + from + " copies from "
                        + "whatever '" + ref.repository() + ":latest' is on the day of the build, so a rebuild can ship "
                        + "other binaries; pin a version tag, or a digest (" + ref.repository() + ":<version>@sha256:...)");
            }
        }
    }
}

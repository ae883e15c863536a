package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.ImageRef;
import io.archlens.syntax.dockerfile.Stage;

/** {@code FROM node}: no tag means :latest, implicitly. */
final class UntaggedImage implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("untagged-image", "Base image without a version tag",
            Severity.WARNING, Category.RELIABILITY);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Stage s : d.stages()) {
            ImageRef img = s.image();
            if (img == null || img.isStageRef() || !img.isResolved() || img.isScratch() || img.hasTag()
                    || img.hasDigest() || img.repository() == null || img.repository().isEmpty()) {
                continue;
            }
            String via = img.viaArg() != null ? " (through ARG " + img.viaArg() + ")" : "";
            ctx.report(img.range(), "'" + img.display() + "'" + via + " has no tag, so it silently means :latest "
                    + "and changes between builds; pin a version tag such as " + img.name() + ":<version>");
        }
    }
}

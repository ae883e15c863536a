package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.ImageRef;
import io.archlens.syntax.dockerfile.Stage;

/** {@code FROM node:latest}: the build changes whenever the tag moves. */
final class NoLatestTag implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("no-latest-tag", "Base image pinned to the moving :latest tag",
            Severity.WARNING, Category.RELIABILITY);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Stage s : d.stages()) {
            ImageRef img = s.image();
            if (img == null || img.isStageRef() || !img.isResolved() || img.hasDigest()
                    || !"latest".equalsIgnoreCase(img.tag())) {
                continue;
            }
            String via = img.viaArg() != null ? " (through ARG " + img.viaArg() + ")" : "";
            ctx.report(img.range(), "'" + img.display() + "'" + via + " follows whatever is published next, so "
                    + "rebuilds change and break without a change here; pin a version tag such as "
                    + img.name() + ":<version>");
        }
    }
}

package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.Instruction;
import io.archlens.syntax.dockerfile.Word;
import io.archlens.syntax.dockerfile.ShellCommand;

/** {@code yarn install/add} without {@code yarn cache clean} in the same RUN, in a stage that ships. */
final class YarnCacheNotCleaned implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("yarn-cache-not-cleaned", "yarn cache left in the image",
            Severity.INFO, Category.PERFORMANCE);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Instruction run : Docker.runs(d.shippedStages())) {
            if (Docker.outOfLayer(run, "/usr/local/share/.cache/yarn", "/root/.cache/yarn", "/home/")
                    || run.flags().stream().anyMatch(f -> f.is("mount") && f.options().getOrDefault("target", "")
                    .contains("yarn"))) {
                continue;
            }
            ShellCommand pending = null;
            Word pendingWord = null;
            for (ShellCommand c : run.commands()) {
                if (!c.name().equals("yarn")) {
                    continue;
                }
                Word sub = Docker.subcommand(c, NpmInstall.VALUE_OPTS);
                if (sub != null && sub.is("cache") && c.find("clean") != null) {
                    pending = null;
                } else if (pending == null && (sub == null || sub.is("install") || sub.is("add"))) {
                    pending = c;
                    pendingWord = sub != null ? sub : c.effective().get(0);
                }
            }
            if (pending != null) {
                ctx.report(Docker.span(pending, pendingWord), "yarn keeps a copy of every downloaded package in its "
                        + "cache, which stays in this layer (often as large as node_modules); end the same RUN with "
                        + "&& yarn cache clean, or mount a cache (RUN --mount=type=cache,target=/usr/local/share/.cache/yarn)");
            }
        }
    }
}

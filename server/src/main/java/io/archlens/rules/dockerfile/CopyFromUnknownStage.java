package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.Flag;
import io.archlens.syntax.dockerfile.Instruction;
import io.archlens.syntax.dockerfile.Stage;

/**
 * {@code COPY --from=buidler} (or {@code RUN --mount=from=...}) naming no stage but close to one: Docker then
 * pulls an image of that name from Docker Hub, which fails or, worse, succeeds with someone else's image. A plain
 * name far from every stage name ({@code --from=composer}) is taken to be an image on purpose.
 */
final class CopyFromUnknownStage implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("copy-from-unknown-stage", "--from names no build stage",
            Severity.WARNING, Category.RELIABILITY);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Stage s : d.stages()) {
            for (Instruction ins : s.instructions()) {
                if (ins.is("COPY") || ins.is("ADD")) {
                    Flag f = ins.flag("from");
                    if (f != null && f.value() != null) {
                        check(d, s, f.value(), f.valueRange() != null ? f.valueRange() : f.range(), ctx);
                    }
                } else if (ins.is("RUN")) {
                    for (Flag f : ins.flags()) {
                        if (f.is("mount") && f.options().containsKey("from")) {
                            String from = f.options().get("from");
                            String src = ctx.file().slice(f.range());
                            int at = src.indexOf("from=" + from);
                            TextRange r = at < 0 ? f.range() : new TextRange(f.range().start() + at + 5,
                                    f.range().start() + at + 5 + from.length());
                            check(d, s, from, r, ctx);
                        }
                    }
                }
            }
        }
    }

    private static void check(Dockerfile d, Stage current, String from, TextRange r, RuleContext ctx) {
        if (from.isEmpty() || from.matches(".*[/:.@$].*")) {
            return;
        }
        if (from.matches("[0-9]+")) {
            int idx = Integer.parseInt(from.length() > 6 ? "999999" : from);
            if (idx >= current.index()) {
                ctx.report(r, "--from=" + from + " refers to stage #" + (idx + 1) + ", which is not an earlier "
                        + "stage; name the stage with FROM ... AS name and use --from=name");
            }
            return;
        }
        Stage named = d.stage(from);
        if (named != null) {
            if (named == current) {
                ctx.report(r, "--from=" + from + " names the stage it is in: a stage cannot copy from itself (the "
                        + "build fails with a circular dependency); copy from an earlier stage");
            } else if (named.index() > current.index()) {
                ctx.report(r, "Stage '" + from + "' is defined later in the file: --from sees only earlier stages, so "
                        + "Docker pulls an image called '" + from + "' instead; move that stage above this one");
            }
            return;
        }
        Stage near = d.nearlyNamed(from);
        String best = near == null ? null : near.name();
        if (best == null) {
            // a plain image name such as --from=composer or --from=busybox
            return;
        }
        ctx.report(r, "No stage is named '" + from + "', so Docker pulls an image called '" + from + "' from "
                + "Docker Hub instead; did you mean '" + best + "'?");
    }
}

package io.archlens.rules.dotenv;

import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Rule;
import io.archlens.analysis.Related;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.dotenv.DotenvEntry;
import io.archlens.syntax.dotenv.DotenvFile;
import java.util.ArrayList;
import java.util.List;

/** {@code KEY = value}: shells and {@code docker --env-file} read a different key or value than dotenv. */
public final class SpacesAroundEqualsRule implements Rule<DotenvFile> {
    static final RuleMeta META = RuleMeta.of("env/spaces-around-equals", "Spaces around '='", Severity.WARNING,
            Category.RELIABILITY, FileKind.DOTENV).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DotenvFile env, RuleContext ctx) {
        record Hit(DotenvEntry entry, TextRange range, List<Edit> edits) {
        }
        List<Hit> hits = new ArrayList<>();
        for (DotenvEntry e : env.entries()) {
            if (e.key().isEmpty() || e.spaceBefore().isEmpty() && (e.spaceAfter().isEmpty()
                    || e.valueRange().isEmpty())) {
                continue;
            }
            List<Edit> edits = new ArrayList<>();
            if (!e.spaceBefore().isEmpty()) {
                edits.add(Edit.delete(e.spaceBefore()));
            }
            if (!e.spaceAfter().isEmpty()) {
                edits.add(Edit.delete(e.spaceAfter()));
            }
            TextRange range = e.spaceBefore().isEmpty() ? new TextRange(e.equalsOffset(), e.spaceAfter().end())
                    : e.spaceAfter().isEmpty() ? new TextRange(e.spaceBefore().start(), e.equalsOffset() + 1)
                    : new TextRange(e.spaceBefore().start(), e.spaceAfter().end());
            hits.add(new Hit(e, range, edits));
        }
        String why = ": a shell that sources this file runs a command instead, and docker --env-file reads the key or"
                + " value with the spaces";
        if (hits.size() >= 5 && hits.size() * 2 > env.entries().size()) {
            // the file's style, not a slip on one line: one finding, one fix for every line
            List<Edit> all = new ArrayList<>();
            List<Related> related = new ArrayList<>();
            var lines = ctx.file().lines();
            for (Hit h : hits) {
                all.addAll(h.edits());
                if (h != hits.get(0)) {
                    related.add(new Related(ctx.file().uri(), lines.position(h.range().start()),
                            lines.position(h.range().end()), h.entry().key()));
                }
            }
            ctx.report(hits.get(0).range(), hits.size() + " entries are written KEY = value" + why + "; write KEY=value",
                    List.of(new Fix("Remove the spaces around '=' on all " + hits.size() + " lines", all, true)),
                    related);
            return;
        }
        for (Hit h : hits) {
            ctx.report(h.range(), "Spaces around '=' in " + h.entry().key() + why + "; write " + h.entry().key()
                    + "=value", new Fix("Remove the spaces around '='", h.edits(), true));
        }
    }
}

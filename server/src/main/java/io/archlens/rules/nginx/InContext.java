package io.archlens.rules.nginx;

import io.archlens.analysis.Edit;
import io.archlens.analysis.Finding;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Related;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.core.TextRange;
import io.archlens.syntax.nginx.NginxConfig;
import io.archlens.syntax.nginx.NginxContext;
import io.archlens.syntax.nginx.NginxContext.Segment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a rule on the configuration nginx runs around the analysed file ({@link NginxContext}): the files that
 * include it and the files it includes. Findings that lie in the analysed file are kept, with related locations
 * pointing at the include chain when the file is included; those in other files are left to those files' own
 * analyses. A fix is kept when all its edits are in the analysed file. The same finding from several including
 * configurations (or one file included twice) is reported once, with every chain. A file with no context (not
 * on disk, no include resolved, included by nothing) is judged alone, as before.
 */
final class InContext implements Rule<NginxConfig> {
    private final Rule<NginxConfig> rule;

    InContext(Rule<NginxConfig> rule) {
        this.rule = rule;
    }

    @Override
    public RuleMeta meta() {
        return rule.meta();
    }

    private static final class Placed {
        final TextRange range;
        final String message;
        final List<Fix> fixes;
        final List<Related> related = new ArrayList<>();

        Placed(TextRange range, String message, List<Fix> fixes) {
            this.range = range;
            this.message = message;
            this.fixes = fixes;
        }
    }

    @Override
    public void check(NginxConfig cfg, RuleContext ctx) {
        List<NginxContext> contexts = NginxContext.of(cfg, ctx.file());
        if (contexts.isEmpty()) {
            rule.check(cfg, ctx);
            return;
        }
        Map<String, Placed> placed = new LinkedHashMap<>();
        for (NginxContext c : contexts) {
            List<Finding> sink = new ArrayList<>();
            rule.check(c.config(), new RuleContext(c.file(), ctx.meta(), ctx.project(), ctx.profile(), sink));
            for (Finding f : sink) {
                Segment s = c.segmentAt(f.range().start());
                if (s == null || !s.self()) {
                    continue;
                }
                int end = Math.min(f.range().end(), s.base() + s.length());
                TextRange r = new TextRange(f.range().start() - s.base(), end - s.base());
                Placed p = placed.computeIfAbsent(r + "\u0000" + f.message(),
                        k -> new Placed(r, f.message(), fixesIn(f.fixes(), s)));
                for (Related rel : s.related()) {
                    if (!p.related.contains(rel)) {
                        p.related.add(rel);
                    }
                }
            }
        }
        for (Placed p : placed.values()) {
            ctx.report(p.range, p.message, p.fixes, p.related);
        }
    }

    private static List<Fix> fixesIn(List<Fix> fixes, Segment s) {
        List<Fix> out = new ArrayList<>();
        for (Fix fix : fixes) {
            List<Edit> edits = new ArrayList<>();
            for (Edit e : fix.edits()) {
                if (s.contains(e.range())) {
                    edits.add(new Edit(e.range().shift(-s.base()), e.newText()));
                }
            }
            if (!edits.isEmpty() && edits.size() == fix.edits().size()) {
                out.add(new Fix(fix.title(), edits, fix.safe()));
            }
        }
        return out;
    }
}

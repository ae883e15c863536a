package io.archlens.rules.openapi;

import io.archlens.analysis.Fix;
import io.archlens.analysis.Related;
import io.archlens.analysis.RuleContext;
import io.archlens.core.TextRange;
import io.archlens.syntax.openapi.OpenApiDoc;
import java.util.ArrayList;
import java.util.List;

/**
 * Reports an operation-level pattern the way a reviewer would: once per operation when a few operations have it,
 * but once for the whole spec when it holds for most of its operations (a generated spec where no operation
 * documents errors gets one finding, not one per operation), with the other operations as related locations.
 */
final class PerOperation {
    /** At least this many, and more than half of the operations, make a spec-wide pattern. */
    static final int MIN_PATTERN = 5;
    private static final int MAX_RELATED = 50;

    /** One operation's finding: where, and its own message. */
    record Miss(TextRange range, String label, String message, List<Fix> fixes) {
    }

    private final List<Miss> misses = new ArrayList<>();

    void add(TextRange range, String label, String message) {
        misses.add(new Miss(range, label, message, List.of()));
    }

    void add(TextRange range, String label, String message, Fix fix) {
        misses.add(new Miss(range, label, message, fix == null ? List.of() : List.of(fix)));
    }

    /** {@code pattern} completes "N of M operations ..." for the spec-wide finding. */
    void report(OpenApiDoc doc, RuleContext ctx, String pattern) {
        report(ctx, pattern, doc.operations().size(), "operations");
    }

    /**
     * The same for a pattern of other elements (request properties, request objects): {@code total} of them in the
     * spec, {@code noun} names them ("N of M request string properties ...").
     */
    void report(RuleContext ctx, String pattern, int total, String noun) {
        report(ctx, pattern, total, noun, 0, 0, null);
    }

    /**
     * The same, where the elements sit in groups (request strings in operations): the pattern is spec-wide also when
     * it holds in most groups ({@code groupsWith} of {@code groups}, named {@code groupNoun}), even if most elements
     * of each group are fine (one unbounded note field in every request body of a generated spec).
     */
    void report(RuleContext ctx, String pattern, int total, String noun, int groupsWith, int groups, String groupNoun) {
        boolean most = misses.size() * 2 > total;
        boolean inMostGroups = groupNoun != null && groupsWith >= MIN_PATTERN && groupsWith * 2 > groups;
        if (misses.size() < MIN_PATTERN || !most && !inMostGroups) {
            for (Miss m : misses) {
                ctx.report(m.range(), m.message(), m.fixes(), List.of());
            }
            return;
        }
        var lines = ctx.file().lines();
        List<Related> related = new ArrayList<>();
        for (Miss m : misses.subList(1, Math.min(misses.size(), MAX_RELATED + 1))) {
            related.add(new Related(ctx.file().uri(), lines.position(m.range().start()), lines.position(m.range().end()),
                    m.label()));
        }
        String more = misses.size() > MAX_RELATED + 1 ? " (the first " + MAX_RELATED + " others are listed)" : "";
        String in = most || groupNoun == null ? "" : " (in " + groupsWith + " of " + groups + " " + groupNoun + ")";
        ctx.report(misses.get(0).range(), misses.size() + " of " + total + " " + noun + in + " " + pattern + more,
                List.of(), related);
    }
}

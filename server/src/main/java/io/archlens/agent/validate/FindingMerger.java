package io.archlens.agent.validate;

import io.archlens.analysis.Finding;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.RuleMeta;
import io.archlens.core.LineIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Combines rule-book and agent findings for one document: rule-book findings first, then the agent's, except
 * an agent finding that reports the same issue as a rule-book finding at the same place (same line or
 * intersecting range): there the rule book wins, since its finding is deterministic and documented. "The same
 * issue" is the same rule name, or the problem the rule-book finding's rule describes ({@link SameIssue});
 * another issue on the same line (the base image's provenance, where the rule book says the image runs as
 * root) is kept, whatever its category.
 */
public final class FindingMerger {
    private FindingMerger() {
    }

    public static List<Finding> merge(List<Finding> ruleBook, List<Finding> agent, String text) {
        return merge(ruleBook, agent, text, id -> RuleBook.loadDefault().rule(id).map(RuleMeta::title).orElse(""));
    }

    /** {@code titles}: the title of a rule-book rule by id ("" when unknown). */
    public static List<Finding> merge(List<Finding> ruleBook, List<Finding> agent, String text,
            Function<String, String> titles) {
        LineIndex lines = LineIndex.of(text);
        List<Finding> out = new ArrayList<>(ruleBook);
        for (Finding a : agent) {
            if (!shadowed(a, ruleBook, lines, titles)) {
                out.add(a);
            }
        }
        return out;
    }

    static boolean shadowed(Finding a, List<Finding> ruleBook, LineIndex lines, Function<String, String> titles) {
        int aLine = lines.lineOf(a.range().start());
        int aEnd = lines.lineOf(a.range().end());
        for (Finding r : ruleBook) {
            int rLine = lines.lineOf(r.range().start());
            int rEnd = lines.lineOf(r.range().end());
            boolean overlaps = a.range().intersects(r.range()) || (aLine <= rEnd && rLine <= aEnd);
            if (overlaps && SameIssue.same(a.ruleId(), a.message(), r.ruleId(), titles.apply(r.ruleId()), r.message())) {
                return true;
            }
        }
        return false;
    }
}

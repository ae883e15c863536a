package io.archlens.agent.validate;

import io.archlens.analysis.Finding;
import io.archlens.core.LineIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * Combines rule-book and agent findings for one document: rule-book findings first, then the agent's,
 * except an agent finding that overlaps (same line or intersecting range) a rule-book finding of the same
 * rule or the same category: there the rule book wins, since its finding is deterministic and documented.
 */
public final class FindingMerger {
    private FindingMerger() {
    }

    public static List<Finding> merge(List<Finding> ruleBook, List<Finding> agent, String text) {
        LineIndex lines = LineIndex.of(text);
        List<Finding> out = new ArrayList<>(ruleBook);
        for (Finding a : agent) {
            if (!shadowed(a, ruleBook, lines)) {
                out.add(a);
            }
        }
        return out;
    }

    static boolean shadowed(Finding a, List<Finding> ruleBook, LineIndex lines) {
        int aLine = lines.lineOf(a.range().start());
        int aEnd = lines.lineOf(a.range().end());
        String aSlug = RuleIds.slug(a.ruleId());
        for (Finding r : ruleBook) {
            boolean sameRule = RuleIds.slug(r.ruleId()).equals(aSlug);
            if (!sameRule && r.category() != a.category()) {
                continue;
            }
            int rLine = lines.lineOf(r.range().start());
            int rEnd = lines.lineOf(r.range().end());
            boolean overlaps = a.range().intersects(r.range()) || (aLine <= rEnd && rLine <= aEnd);
            if (overlaps) {
                return true;
            }
        }
        return false;
    }
}

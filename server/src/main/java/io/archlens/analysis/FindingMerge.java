package io.archlens.analysis;

import io.archlens.core.LineIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One cause, one finding: merges findings that report the same cause at the same place, keeping the others'
 * locations as related information. Different causes (other rules, other ranges) stay separate.
 */
public final class FindingMerge {
    /** The cross-file rule whose finding repeats a per-file secret finding on the same line. */
    static final String DUPLICATE_SECRET = "arch/duplicate-secret";

    private FindingMerge() {
    }

    /**
     * Findings of one rule at one range become one: a file checked in several projects, or one fact read in several
     * contexts (a Spring file that a Compose service and a Kubernetes Deployment both run). The first is kept; each
     * other one's related locations join it, the first of them carrying the other's message (so a finding read
     * in two contexts names both).
     */
    public static List<Finding> sameCause(List<Finding> findings) {
        if (findings.size() < 2) {
            return findings;
        }
        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        for (Finding f : findings) {
            // (the range's numbers, not its record toString: that one is bootstrapped through method handles)
            groups.computeIfAbsent(f.ruleId() + "|" + f.range().start() + "-" + f.range().end(),
                    k -> new ArrayList<>()).add(f);
        }
        if (groups.size() == findings.size()) {
            return findings;
        }
        List<Finding> out = new ArrayList<>(groups.size());
        for (List<Finding> g : groups.values()) {
            Finding first = g.get(0);
            if (g.size() == 1) {
                out.add(first);
                continue;
            }
            Set<Related> rel = new LinkedHashSet<>(first.related());
            Severity sev = first.severity();
            for (Finding o : g.subList(1, g.size())) {
                for (int i = 0; i < o.related().size(); i++) {
                    Related r = o.related().get(i);
                    boolean other = i == 0 && !o.message().equals(first.message());
                    rel.add(other ? new Related(r.uri(), r.start(), r.end(), "also: " + o.message()) : r);
                }
                if (o.severity().ordinal() < sev.ordinal()) {
                    sev = o.severity();
                }
            }
            out.add(first.withRelated(new ArrayList<>(rel)).withSeverity(sev));
        }
        return out;
    }

    /**
     * A file's per-file findings and its cross-file findings, in position order. A duplicate-secret finding on a
     * line where a per-file rule already reports the literal secret is not repeated: its related locations (the
     * other copies) join that finding.
     */
    public static List<Finding> combine(List<Finding> perFile, List<Finding> cross, LineIndex lines) {
        List<Finding> all = new ArrayList<>(perFile);
        for (Finding c : cross) {
            int at = c.ruleId().equals(DUPLICATE_SECRET) ? secretOnLine(all, lines, lines.lineOf(c.range().start())) : -1;
            if (at < 0) {
                all.add(c);
                continue;
            }
            Finding host = all.get(at);
            List<Related> rel = new ArrayList<>(host.related());
            for (Related r : c.related()) {
                if (!rel.contains(r)) {
                    rel.add(r);
                }
            }
            all.set(at, host.withRelated(rel));
        }
        all.sort(java.util.Comparator.comparing(Finding::range).thenComparing(Finding::ruleId));
        return recap(all, perFile);
    }

    /**
     * When the per-file findings were capped (their hint counts what was not shown), the cross-file findings do not
     * push the file past the cap: the first findings in the file are kept and the hint counts the rest.
     */
    private static List<Finding> recap(List<Finding> all, List<Finding> perFile) {
        long hidden = 0;
        Finding hint = null;
        for (Finding f : perFile) {
            long n = RuleBook.notShown(f);
            if (n > 0) {
                hidden = n;
                hint = f;
            }
        }
        if (hint == null || all.size() <= perFile.size()) {
            return all;
        }
        List<Finding> rest = new ArrayList<>(all);
        rest.remove(hint);
        return RuleBook.cap(rest, perFile.size() - 1, hidden);
    }

    /** The index of a per-file secret finding on {@code line}, or -1. */
    private static int secretOnLine(List<Finding> findings, LineIndex lines, int line) {
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (!f.ruleId().startsWith("arch/") && f.ruleId().toLowerCase(Locale.ROOT).contains("secret")
                    && lines.lineOf(f.range().start()) == line) {
                return i;
            }
        }
        return -1;
    }
}

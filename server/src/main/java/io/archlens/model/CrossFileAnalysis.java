package io.archlens.model;

import io.archlens.analysis.Finding;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Related;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.analysis.Suppression;
import io.archlens.config.Settings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * Runs the project rules over a {@link SystemModel} and settles their findings per file through the rule
 * book (settings, suppressions), exactly like per-file findings.
 */
public final class CrossFileAnalysis {
    /** Cross-file findings by file URI, the model they came from, and the context fields that were missing. */
    public record Result(SystemModel model, Map<String, List<Finding>> byUri, Set<String> missingContext) {
        public List<Finding> findings(String uri) {
            return byUri.getOrDefault(uri, List.of());
        }

        public int count() {
            int n = 0;
            for (List<Finding> l : byUri.values()) {
                n += l.size();
            }
            return n;
        }
    }

    private CrossFileAnalysis() {
    }

    public static Result run(RuleBook book, SystemModel model, Settings settings, BiConsumer<String, Throwable> log) {
        Map<String, List<Finding>> raw = new LinkedHashMap<>();
        Map<String, List<Loc>> needs = new TreeMap<>();
        Map<String, Set<String>> needRules = new TreeMap<>();
        for (ProjectRule rule : book.projectRules()) {
            RuleMeta meta = rule.meta();
            if (settings.effectiveSeverity(meta.id(), meta.defaultSeverity()).isEmpty()) {
                continue;
            }
            Set<String> seen = new HashSet<>();
            ProjectReporter reporter = new ProjectReporter() {
                @Override
                public void report(Loc at, String message, List<Related> related, Fix... fixes) {
                    String key = at.uri() + "|" + at.range() + "|" + message;
                    if (!seen.add(key)) {
                        return;
                    }
                    raw.computeIfAbsent(at.uri(), k -> new ArrayList<>()).add(new Finding(meta.id(),
                            meta.defaultSeverity(), meta.category(), at.range(), message, null, Arrays.asList(fixes),
                            related, meta.tags(), Finding.RULE_BOOK_SOURCE, null));
                }

                @Override
                public void needContext(String field, Loc where) {
                    needs.computeIfAbsent(field, k -> new ArrayList<>()).add(where);
                    needRules.computeIfAbsent(field, k -> new TreeSet<>()).add(meta.id());
                }
            };
            try {
                rule.check(model, reporter);
            } catch (RuntimeException | StackOverflowError e) {
                log.accept("rule " + meta.id() + " failed", e);
            }
        }
        Set<String> missing = new TreeSet<>(needs.keySet());
        if (!needs.isEmpty()) {
            Loc first = null;
            for (List<Loc> l : needs.values()) {
                for (Loc loc : l) {
                    if (first == null || Comparator.comparing(Loc::path).thenComparing(Loc::range).compare(loc, first) < 0) {
                        first = loc;
                    }
                }
            }
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, Set<String>> e : needRules.entrySet()) {
                parts.add(e.getKey() + " (for " + String.join(", ", e.getValue()) + ")");
            }
            RuleMeta meta = ProjectRule.MISSING_CONTEXT;
            raw.computeIfAbsent(first.uri(), k -> new ArrayList<>()).add(new Finding(meta.id(), meta.defaultSeverity(),
                    meta.category(), first.range(), "Cross-file checks lack project context: "
                    + String.join(", ", parts) + "; answer it under context: in .archlens.yml so they can decide", null, List.of(),
                    List.of(), meta.tags(), Finding.RULE_BOOK_SOURCE, null));
        }
        Map<String, List<Finding>> out = new LinkedHashMap<>();
        for (FileFacts f : model.files()) {
            List<Finding> r = raw.getOrDefault(f.uri(), List.of());
            if (r.isEmpty() && !hasProjectSuppression(f.suppressions())) {
                continue;
            }
            List<Finding> settled = book.settle(f.file(), r, f.suppressions(), settings, true);
            if (!settled.isEmpty()) {
                out.put(f.uri(), List.copyOf(settled));
            }
        }
        return new Result(model, out, missing);
    }

    private static boolean hasProjectSuppression(List<Suppression> sups) {
        for (Suppression s : sups) {
            if (s.ruleId().startsWith(ProjectRule.PREFIX + "/")) {
                return true;
            }
        }
        return false;
    }

    /** Severity helper for tests and reports. */
    public static Optional<Severity> severity(Settings s, RuleMeta m) {
        return s.effectiveSeverity(m.id(), m.defaultSeverity());
    }
}

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
    /**
     * Cross-file findings by file URI, the project models they came from (one per {@link Projects project}), and the
     * context fields that were missing.
     */
    public record Result(List<SystemModel> projects, Map<String, List<Finding>> byUri, Set<String> missingContext,
            Map<String, SystemModel> homes) {
        public static final Result EMPTY = new Result(List.of(), Map.of(), Set.of());

        public Result(List<SystemModel> projects, Map<String, List<Finding>> byUri, Set<String> missingContext) {
            this(List.copyOf(projects), byUri, missingContext, homes(projects));
        }

        private static Map<String, SystemModel> homes(List<SystemModel> projects) {
            Map<String, SystemModel> m = new java.util.HashMap<>();
            for (SystemModel p : projects) {
                for (FileFacts f : p.files()) {
                    m.putIfAbsent(f.uri(), p);
                }
            }
            return m;
        }

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

        /** The model of the (first) project a file belongs to; an empty model when no project has it. */
        public SystemModel model(String uri) {
            return homes.getOrDefault(uri, SystemModel.EMPTY);
        }

        /**
         * The project a file belongs to, else the project of the nearest file above it (the Java sources under a
         * build context belong with its Dockerfile): for the agent's summary of any reviewed file.
         */
        public SystemModel around(String uri) {
            SystemModel best = homes.get(uri);
            int bestLen = -1;
            if (best != null) {
                return best;
            }
            for (Map.Entry<String, SystemModel> e : homes.entrySet()) {
                String dir = e.getKey().substring(0, e.getKey().lastIndexOf('/') + 1);
                if (uri.startsWith(dir) && dir.length() > bestLen) {
                    best = e.getValue();
                    bestLen = dir.length();
                }
            }
            return best == null ? SystemModel.EMPTY : best;
        }

        /** A file's facts as the model holds them, or null. */
        public FileFacts file(String uri) {
            return model(uri).file(uri);
        }

        /** Every workload of every project. */
        public int workloads() {
            int n = 0;
            for (SystemModel m : projects) {
                n += m.nodes().size();
            }
            return n;
        }
    }

    private CrossFileAnalysis() {
    }

    /** Runs the rules over one model (a workspace that is one project). */
    public static Result run(RuleBook book, SystemModel model, Settings settings, BiConsumer<String, Throwable> log) {
        return run(book, List.of(model), settings, log);
    }

    /**
     * Runs the rules over each project's model on its own, so no finding joins two projects. A file in several
     * projects gets each finding once: findings of one rule at one range merge (see {@link io.archlens.analysis.FindingMerge}, applied by {@code RuleBook.settle}).
     */
    public static Result run(RuleBook book, List<SystemModel> projects, Settings settings,
            BiConsumer<String, Throwable> log) {
        List<ProjectFindings> parts = new ArrayList<>();
        for (SystemModel model : projects) {
            parts.add(check(book, model, settings, log));
        }
        return settle(book, parts, settings);
    }

    /** What the rules found in one project, before settings and suppressions (reusable while it is unchanged). */
    public record ProjectFindings(SystemModel model, Map<String, List<Finding>> raw, Map<String, List<Loc>> needs,
            Map<String, Set<String>> needRules) {
    }

    /** Runs every enabled project rule over one project's model. */
    public static ProjectFindings check(RuleBook book, SystemModel model, Settings settings,
            BiConsumer<String, Throwable> log) {
        Map<String, List<Finding>> raw = new LinkedHashMap<>();
        Map<String, List<Loc>> needs = new TreeMap<>();
        Map<String, Set<String>> needRules = new TreeMap<>();
        for (ProjectRule rule : book.projectRules()) {
            RuleMeta meta = rule.meta();
            if (settings.effectiveSeverity(meta).isEmpty()) {
                continue;
            }
            ProjectReporter reporter = new ProjectReporter() {
                @Override
                public void report(Loc at, String message, List<Related> related, Fix... fixes) {
                    add(at, meta.defaultSeverity(), message, related, fixes);
                }

                @Override
                public void warn(Loc at, String message, List<Related> related, Fix... fixes) {
                    Severity sev = meta.defaultSeverity().atLeast(Severity.WARNING) ? Severity.WARNING
                            : meta.defaultSeverity();
                    add(at, sev, message, related, fixes);
                }

                private void add(Loc at, Severity sev, String message, List<Related> related, Fix... fixes) {
                    raw.computeIfAbsent(at.uri(), k -> new ArrayList<>()).add(new Finding(meta.id(), sev,
                            meta.category(), at.range(), message, null, Arrays.asList(fixes), related, meta.tags(),
                            Finding.RULE_BOOK_SOURCE, null));
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
        return new ProjectFindings(model, raw, needs, needRules);
    }

    /**
     * Joins the projects' findings: one {@code arch/missing-context} for all context needs (the context is the
     * workspace's), same-cause merging, then settings and suppressions per file.
     */
    public static Result settle(RuleBook book, List<ProjectFindings> parts, Settings settings) {
        Map<String, List<Finding>> raw = new LinkedHashMap<>();
        Map<String, List<Loc>> needs = new TreeMap<>();
        Map<String, Set<String>> needRules = new TreeMap<>();
        Map<String, FileFacts> files = new LinkedHashMap<>();
        List<SystemModel> projects = new ArrayList<>();
        for (ProjectFindings p : parts) {
            projects.add(p.model());
            for (FileFacts f : p.model().files()) {
                files.putIfAbsent(f.uri(), f);
            }
            p.raw().forEach((uri, l) -> raw.computeIfAbsent(uri, k -> new ArrayList<>()).addAll(l));
            p.needs().forEach((k, l) -> needs.computeIfAbsent(k, x -> new ArrayList<>()).addAll(l));
            p.needRules().forEach((k, l) -> needRules.computeIfAbsent(k, x -> new TreeSet<>()).addAll(l));
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
            List<String> questions = new ArrayList<>();
            for (Map.Entry<String, Set<String>> e : needRules.entrySet()) {
                questions.add(e.getKey() + " (for " + String.join(", ", e.getValue()) + ")");
            }
            RuleMeta meta = ProjectRule.MISSING_CONTEXT;
            raw.computeIfAbsent(first.uri(), k -> new ArrayList<>()).add(new Finding(meta.id(), meta.defaultSeverity(),
                    meta.category(), first.range(), "Cross-file checks lack project context: "
                    + String.join(", ", questions) + "; answer it under context: in .archlens.yml so they can decide", null, List.of(),
                    List.of(), meta.tags(), Finding.RULE_BOOK_SOURCE, null));
        }
        Map<String, List<Finding>> out = new LinkedHashMap<>();
        for (FileFacts f : files.values()) {
            List<Finding> r = raw.getOrDefault(f.uri(), List.of());
            if (r.isEmpty() && !hasProjectSuppression(f.suppressions())) {
                continue;
            }
            List<Finding> settled = book.settle(f.file(), r, f.suppressions(), settings, true);
            if (!settled.isEmpty()) {
                out.put(f.uri(), List.copyOf(settled));
            }
        }
        return new Result(projects, out, missing);
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
        return s.effectiveSeverity(m);
    }
}

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
            Homes homes) {
        public static final Result EMPTY = new Result(List.of(), Map.of(), Set.of());

        public Result(List<SystemModel> projects, Map<String, List<Finding>> byUri, Set<String> missingContext) {
            this(List.copyOf(projects), byUri, missingContext, new Homes(List.copyOf(projects)));
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
            return homes.get().getOrDefault(uri, SystemModel.EMPTY);
        }

        /**
         * The project a file belongs to, else the project of the nearest file above it (the Java sources under a
         * build context belong with its Dockerfile): for the agent's summary of any reviewed file.
         */
        public SystemModel around(String uri) {
            Map<String, SystemModel> homes = this.homes.get();
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

    /** Which project each file belongs to, computed on the first question (an update that asks none pays nothing). */
    public static final class Homes {
        private final List<SystemModel> projects;
        private volatile Map<String, SystemModel> map;

        Homes(List<SystemModel> projects) {
            this.projects = projects;
        }

        Map<String, SystemModel> get() {
            Map<String, SystemModel> m = map;
            if (m == null) {
                m = new java.util.HashMap<>();
                for (SystemModel p : projects) {
                    for (FileFacts f : p.files()) {
                        m.putIfAbsent(f.uri(), p);
                    }
                }
                map = m;
            }
            return m;
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
            Map<String, Set<String>> needRules, List<FileFacts> reported) {
        public ProjectFindings(SystemModel model, Map<String, List<Finding>> raw, Map<String, List<Loc>> needs,
                Map<String, Set<String>> needRules) {
            this(model, raw, needs, needRules, reported(model, raw));
        }

        /** The files settling has to look at: those with findings and those with a project-rule suppression. */
        private static List<FileFacts> reported(SystemModel model, Map<String, List<Finding>> raw) {
            List<FileFacts> out = new ArrayList<>();
            for (FileFacts f : model.files()) {
                if (raw.containsKey(f.uri()) || hasProjectSuppression(f.suppressions())) {
                    out.add(f);
                }
            }
            return out;
        }
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
        return settle(book, parts, settings, null);
    }

    /** A file's settled findings and what they were settled from (the projects' raw lists, by identity). */
    record Settled(FileFacts file, List<List<Finding>> from, Settings settings, List<Finding> out) {
        boolean same(FileFacts f, List<List<Finding>> parts, Settings s) {
            if (file != f || settings != s && !java.util.Objects.equals(settings, s) || from.size() != parts.size()) {
                return false;
            }
            for (int i = 0; i < parts.size(); i++) {
                if (from.get(i) != parts.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * As {@link #settle(RuleBook, List, Settings)}; with a {@code cache} (by URI, kept by the caller between runs),
     * a file whose raw findings are the same lists as last time keeps its settled findings: after an edit only the
     * files of the projects that re-ran are settled again.
     */
    static Result settle(RuleBook book, List<ProjectFindings> parts, Settings settings, Map<String, Settled> cache) {
        Map<String, List<List<Finding>>> rawParts = new java.util.HashMap<>();
        Map<String, List<Loc>> needs = new TreeMap<>();
        Map<String, Set<String>> needRules = new TreeMap<>();
        Map<String, FileFacts> files = new LinkedHashMap<>();
        List<SystemModel> projects = new ArrayList<>();
        for (ProjectFindings p : parts) {
            projects.add(p.model());
            for (FileFacts f : p.reported()) {
                files.putIfAbsent(f.uri(), f);
            }
            p.raw().forEach((uri, l) -> rawParts.computeIfAbsent(uri, k -> new ArrayList<>(1)).add(l));
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
            if (!files.containsKey(first.uri())) {
                for (ProjectFindings p : parts) {
                    FileFacts f = p.model().file(first.uri());
                    if (f != null) {
                        files.put(f.uri(), f);
                        break;
                    }
                }
            }
            rawParts.computeIfAbsent(first.uri(), k -> new ArrayList<>(1)).add(List.of(new Finding(meta.id(), meta.defaultSeverity(),
                    meta.category(), first.range(), "Cross-file checks lack project context: "
                    + String.join(", ", questions) + "; answer it under context: in .archlens.yml so they can decide", null, List.of(),
                    List.of(), meta.tags(), Finding.RULE_BOOK_SOURCE, null)));
        }
        Map<String, List<Finding>> out = new LinkedHashMap<>();
        Map<String, Settled> next = cache == null ? null : new java.util.HashMap<>();
        for (FileFacts f : files.values()) {
            List<List<Finding>> from = rawParts.getOrDefault(f.uri(), List.of());
            Settled last = cache == null ? null : cache.get(f.uri());
            List<Finding> settled;
            if (last != null && last.same(f, from, settings)) {
                settled = last.out();
            } else {
                List<Finding> r = new ArrayList<>();
                for (List<Finding> l : from) {
                    r.addAll(l);
                }
                if (r.isEmpty() && !hasProjectSuppression(f.suppressions())) {
                    continue;
                }
                settled = List.copyOf(book.settle(f.file(), r, f.suppressions(), settings, true));
            }
            if (next != null) {
                next.put(f.uri(), new Settled(f, from, settings, settled));
            }
            if (!settled.isEmpty()) {
                out.put(f.uri(), settled);
            }
        }
        if (cache != null) {
            cache.clear();
            cache.putAll(next);
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

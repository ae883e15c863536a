package io.archlens.analysis;

import io.archlens.config.Settings;
import io.archlens.model.ProjectRule;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.BiConsumer;

/**
 * The embedded architecture agent: every rule pack, run offline. Parses a snapshot once, runs each rule
 * isolated (a rule that throws is reported to the log sink and the others still run), then applies settings
 * (rules off, severity overrides) and suppressions.
 */
public final class RuleBook {
    /** Rule ids of the LLM architecture agent's findings ({@code agent/<slug>}); not registered in the book. */
    public static final String AGENT_PREFIX = "agent/";
    private static volatile RuleBook defaultInstance;

    private final Map<FileKind, List<RulePack<?>>> packsByKind = new EnumMap<>(FileKind.class);
    private final Map<String, RuleMeta> rules = new LinkedHashMap<>();
    private final List<ProjectRule> projectRules = new ArrayList<>();

    public RuleBook(Collection<? extends RulePack<?>> packs) {
        this(packs, List.of());
    }

    /**
     * A rule book with per-file packs and cross-file rules ({@link ProjectRule}, run over the workspace's
     * {@link io.archlens.model.SystemModel}); both kinds of rule share the registry, settings and suppressions.
     */
    public RuleBook(Collection<? extends RulePack<?>> packs, Collection<? extends ProjectRule> project) {
        for (RuleMeta m : CoreRules.ALL) {
            rules.put(m.id(), m);
        }
        for (RulePack<?> p : packs) {
            packsByKind.computeIfAbsent(p.kind(), k -> new ArrayList<>()).add(p);
            for (RuleMeta m : p.parserRules()) {
                register(m);
            }
            for (Rule<?> r : p.rules()) {
                register(r.meta());
            }
        }
        for (ProjectRule r : project) {
            if (!r.meta().id().startsWith(ProjectRule.PREFIX + "/")) {
                throw new IllegalStateException("project rule ids start with " + ProjectRule.PREFIX + "/: " + r.meta().id());
            }
            register(r.meta());
            projectRules.add(r);
        }
        for (RuleMeta m : ProjectRule.ENGINE_RULES) {
            if (!projectRules.isEmpty()) {
                register(m);
            }
        }
    }

    private void register(RuleMeta m) {
        RuleMeta prev = rules.putIfAbsent(m.id(), m);
        if (prev != null && prev != m && !prev.equals(m)) {
            // Two packs may share rules (e.g. Spring .properties and .yml); identical metadata is fine.
            if (!(prev.title().equals(m.title()) && prev.category() == m.category())) {
                throw new IllegalStateException("duplicate rule id " + m.id());
            }
        }
    }

    /** The rule book with every pack on the class path. */
    public static RuleBook loadDefault() {
        RuleBook rb = defaultInstance;
        if (rb == null) {
            synchronized (RuleBook.class) {
                rb = defaultInstance;
                if (rb == null) {
                    List<RulePack<?>> packs = new ArrayList<>();
                    for (RulePack<?> p : ServiceLoader.load(RulePack.class, RuleBook.class.getClassLoader())) {
                        packs.add(p);
                    }
                    List<ProjectRule> project = new ArrayList<>();
                    for (ProjectRule r : ServiceLoader.load(ProjectRule.class, RuleBook.class.getClassLoader())) {
                        project.add(r);
                    }
                    rb = new RuleBook(packs, project);
                    defaultInstance = rb;
                }
            }
        }
        return rb;
    }

    /**
     * Whether {@link #loadDefault()} has cross-file rules, answered from the service registrations without
     * loading the rule book (the server announces its capabilities while the book is still loading).
     */
    public static boolean defaultHasProjectRules() {
        RuleBook rb = defaultInstance;
        if (rb != null) {
            return !rb.projectRules.isEmpty();
        }
        return ServiceLoader.load(ProjectRule.class, RuleBook.class.getClassLoader()).stream().findAny().isPresent();
    }

    public Collection<RuleMeta> allRules() {
        return rules.values();
    }

    public Optional<RuleMeta> rule(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    public boolean supports(FileKind kind) {
        return packsByKind.containsKey(kind);
    }

    public List<RulePack<?>> packs(FileKind kind) {
        return packsByKind.getOrDefault(kind, List.of());
    }

    /** The cross-file rules, in registration order. */
    public List<ProjectRule> projectRules() {
        return List.copyOf(projectRules);
    }

    /**
     * Only the first pack's parser for the file's kind (no rules): what the workspace index needs to extract
     * facts from files that are not open. Null when no pack handles the kind or the parser fails.
     */
    public Object parse(SourceFile file, BiConsumer<String, Throwable> log) {
        List<RulePack<?>> packs = packs(file.kind());
        if (packs.isEmpty() || file.text().indexOf('\0') >= 0) {
            return null;
        }
        try {
            return packs.get(0).parser().parse(file).model();
        } catch (RuntimeException | StackOverflowError e) {
            log.accept("parser for " + file.kind().id() + " failed on " + file.path(), e);
            return null;
        }
    }

    /** The suppressions written in the file: comments, plus the first pack's model-level ones for {@code model}. */
    @SuppressWarnings("unchecked")
    public List<Suppression> suppressions(SourceFile file, Object model) {
        List<Suppression> out = new ArrayList<>(Suppressions.scan(file));
        List<RulePack<?>> packs = packs(file.kind());
        if (model != null && !packs.isEmpty()) {
            try {
                out.addAll(((RulePack<Object>) packs.get(0)).modelSuppressions(model, file));
            } catch (RuntimeException e) {
                // a pack that cannot read its own model's suppressions: the comment ones still apply
            }
        }
        return out;
    }

    public Analysis analyze(SourceFile file, Settings settings) {
        return analyze(file, settings, () -> false, (msg, err) -> { });
    }

    /**
     * Analyse one snapshot. {@code cancelled} is polled between rules; {@code log} receives rule failures.
     * Returns an empty analysis when cancelled.
     */
    public Analysis analyze(SourceFile file, Settings settings, BooleanSupplier cancelled,
            BiConsumer<String, Throwable> log) {
        List<RulePack<?>> packs = packs(file.kind());
        if (packs.isEmpty()) {
            return new Analysis(file, List.of(), null);
        }
        List<Finding> raw = new ArrayList<>();
        List<Suppression> suppressions = new ArrayList<>(Suppressions.scan(file));
        long size = (long) file.text().length() * 2;
        if (file.text().length() > settings.maxFileBytes()) {
            raw.add(coreFinding(CoreRules.NOT_ANALYZED, TextRange.empty(0), String.format(
                    "File not analysed: %.1f MB is above the %.1f MB limit (setting max-file-bytes)",
                    file.text().length() / 1048576.0, settings.maxFileBytes() / 1048576.0)));
            return finish(file, raw, List.of(), settings, null);
        }
        if (file.text().indexOf('\0') >= 0) {
            raw.add(coreFinding(CoreRules.NOT_ANALYZED, TextRange.empty(0),
                    "File not analysed: it contains NUL bytes and looks binary"));
            return finish(file, raw, List.of(), settings, null);
        }
        Object firstModel = null;
        java.util.concurrent.atomic.AtomicLong dropped = new java.util.concurrent.atomic.AtomicLong();
        for (RulePack<?> pack : packs) {
            Object model = runPack(pack, file, settings, raw, suppressions, cancelled, log, dropped);
            if (cancelled.getAsBoolean()) {
                return new Analysis(file, List.of(), null);
            }
            if (firstModel == null) {
                firstModel = model;
            }
        }
        return finish(file, raw, suppressions, settings, firstModel, dropped.get());
    }

    private <M> Object runPack(RulePack<M> pack, SourceFile file, Settings settings, List<Finding> raw,
            List<Suppression> suppressions, BooleanSupplier cancelled, BiConsumer<String, Throwable> log,
            java.util.concurrent.atomic.AtomicLong dropped) {
        Parsed<M> parsed;
        try {
            parsed = pack.parser().parse(file);
        } catch (RuntimeException | StackOverflowError e) {
            log.accept("parser for " + pack.kind().id() + " failed on " + file.path(), e);
            raw.add(coreFinding(CoreRules.NOT_ANALYZED, TextRange.empty(0),
                    "File not analysed: the " + pack.kind().id() + " parser failed (" + e + "); see the log"));
            return null;
        }
        for (ParseIssue pi : parsed.issues()) {
            RuleMeta meta = rules.getOrDefault(pi.ruleId(), CoreRules.SYNTAX_ERROR);
            raw.add(new Finding(meta.id(), pi.severity(), meta.category(), pi.range(), pi.message(), null,
                    List.of(), List.of(), meta.tags(), Finding.RULE_BOOK_SOURCE, null));
        }
        M model = parsed.model();
        try {
            suppressions.addAll(pack.modelSuppressions(model, file));
        } catch (RuntimeException e) {
            log.accept("reading suppressions failed on " + file.path(), e);
        }
        for (Rule<M> rule : pack.rules()) {
            if (cancelled.getAsBoolean()) {
                return model;
            }
            RuleMeta meta = rule.meta();
            if (!enabled(meta, settings)) {
                continue;
            }
            BoundedSink sink = new BoundedSink(settings.maxFindingsPerFile());
            try {
                rule.check(model, new RuleContext(file, meta, settings.context(), settings.profile(), sink));
                raw.addAll(sink);
                dropped.addAndGet(sink.dropped);
            } catch (RuntimeException | StackOverflowError e) {
                log.accept("rule " + meta.id() + " failed on " + file.path(), e);
            }
        }
        return model;
    }

    /** Which rules run under the settings last seen (settings are immutable; a check, an editor session use one). */
    private volatile Enabled enabled;

    /** By the rule's default severity (what the profile depends on besides the id), then its id. */
    private record Enabled(Settings settings, List<Map<String, Boolean>> on) {
        Enabled(Settings settings) {
            this(settings, java.util.Arrays.stream(Severity.values())
                    .map(s -> (Map<String, Boolean>) new java.util.concurrent.ConcurrentHashMap<String, Boolean>()).toList());
        }
    }

    /** Whether the rule runs under these settings: {@link Settings#effectiveSeverity}, once per rule and settings. */
    private boolean enabled(RuleMeta meta, Settings settings) {
        Enabled e = enabled;
        if (e == null || e.settings() != settings) {
            e = new Enabled(settings);
            enabled = e;
        }
        Map<String, Boolean> bySeverity = e.on().get(meta.defaultSeverity().ordinal());
        Boolean on = bySeverity.get(meta.id());
        if (on == null) {
            on = settings.effectiveSeverity(meta).isPresent();
            bySeverity.put(meta.id(), on);
        }
        return on;
    }

    private Analysis finish(SourceFile file, List<Finding> raw, List<Suppression> suppressions, Settings settings,
            Object model) {
        return finish(file, raw, suppressions, settings, model, 0);
    }

    private Analysis finish(SourceFile file, List<Finding> raw, List<Suppression> suppressions, Settings settings,
            Object model, long droppedEarly) {
        List<Finding> settled = settle(file, raw, suppressions, settings, false);
        return new Analysis(file, cap(settled, settings.maxFindingsPerFile(), droppedEarly), model);
    }

    /**
     * At most {@code max} findings of one file reach the user (a 50,000-line generated file would otherwise send
     * hundreds of megabytes to the editor); the first ones in the file are kept and one hint says how many more
     * there are.
     */
    static List<Finding> cap(List<Finding> findings, int max, long droppedEarly) {
        if (findings.size() <= max && droppedEarly == 0) {
            return findings;
        }
        int keep = Math.min(max, findings.size());
        List<Finding> out = new ArrayList<>(findings.subList(0, keep));
        long more = findings.size() - keep + droppedEarly;
        out.add(coreFinding(CoreRules.NOT_ANALYZED, TextRange.empty(0), String.format(
                "%,d findings shown; %s%,d more not shown (setting max-findings-per-file)", keep, droppedEarly > 0 ? "at least " : "", more)));
        return out;
    }

    private static final java.util.regex.Pattern NOT_SHOWN = java.util.regex.Pattern.compile(
            "[\\d,]+ findings shown; (?:at least )?([\\d,]{1,20}) more not shown.*");

    /** How many findings the cap hint {@code f} says were not shown; 0 for any other finding. */
    public static long notShown(Finding f) {
        if (!f.ruleId().equals(CoreRules.NOT_ANALYZED.id())) {
            return 0;
        }
        java.util.regex.Matcher m = NOT_SHOWN.matcher(f.message());
        return m.matches() ? Long.parseLong(m.group(1).replace(",", "")) : 0;
    }

    /** The result for a file that could not be analysed: one {@code archlens/not-analyzed} hint saying why. */
    public Analysis notAnalyzed(SourceFile file, Settings settings, String message) {
        List<Finding> raw = new ArrayList<>();
        raw.add(coreFinding(CoreRules.NOT_ANALYZED, TextRange.empty(0), message));
        return finish(file, raw, Suppressions.scan(file), settings, null);
    }

    /** A rule's findings up to the per-file cap; the rest are only counted. */
    private static final class BoundedSink extends ArrayList<Finding> {
        private final int max;
        private long dropped;

        BoundedSink(int max) {
            this.max = max;
        }

        @Override
        public boolean add(Finding f) {
            if (size() >= max) {
                dropped++;
                return false;
            }
            return super.add(f);
        }
    }

    /**
     * Applies settings (rules off, severity overrides) and suppressions to the raw findings of one file, and adds
     * the suppression hygiene hints. The one place both per-file and cross-file findings go through.
     * {@code crossFile} selects which suppressions this pass answers for: per-file passes report unknown ids and
     * unused suppressions of per-file rules; the cross-file pass reports unused suppressions of
     * {@code arch/} rules (only it can see whether they suppress something). Findings of one rule at one range
     * become one first ({@link FindingMerge#sameCause}).
     */
    public List<Finding> settle(SourceFile file, List<Finding> raw, List<Suppression> suppressions, Settings settings,
            boolean crossFile) {
        List<Finding> out = new ArrayList<>();
        Set<Suppression> used = new HashSet<>();
        var lines = file.lines();
        for (Finding f : FindingMerge.sameCause(raw)) {
            Optional<Severity> sev = settings.effectiveSeverity(f.ruleId(), f.severity());
            if (sev.isEmpty()) {
                continue;
            }
            int line = lines.lineOf(f.range().start());
            boolean suppressed = false;
            for (Suppression s : suppressions) {
                if (s.reaches(line, f.range().start()) && Suppressions.covers(s, f.ruleId())) {
                    used.add(s);
                    suppressed = true;
                }
            }
            if (!suppressed) {
                out.add(sev.get() == f.severity() ? f : f.withSeverity(sev.get()));
            }
        }
        String projectPrefix = ProjectRule.PREFIX + "/";
        for (Suppression s : suppressions) {
            if (s.idRange() == null) {
                continue;
            }
            if (s.ruleId().startsWith(AGENT_PREFIX) && !rules.containsKey(s.ruleId())) {
                continue; // the LLM agent's rules are not in the book; the agent applies these suppressions itself
            }
            boolean project = s.ruleId().startsWith(projectPrefix);
            boolean pattern = s.ruleId().endsWith("*");
            if (!crossFile && !pattern && !rules.containsKey(s.ruleId())) {
                addCore(out, settings, CoreRules.UNKNOWN_RULE, s.idRange(),
                        "Unknown rule '" + s.ruleId() + "' in suppression; run `archlens rules` for the list");
            } else if (project == crossFile && !used.contains(s) && (pattern || runs(s.ruleId(), settings))) {
                addCore(out, settings, CoreRules.UNUSED_SUPPRESSION, s.idRange(),
                        "Suppression of " + s.ruleId() + " suppresses nothing here; remove it");
            }
        }
        out.sort(Comparator.comparing(Finding::range).thenComparing(Finding::ruleId));
        return out;
    }

    /** Whether the rule is known and runs under these settings (a suppression of a rule that is off may be for a
     * stricter profile or another configuration: it is not reported as unused). */
    private boolean runs(String ruleId, Settings settings) {
        RuleMeta meta = rules.get(ruleId);
        return meta != null && settings.effectiveSeverity(meta).isPresent();
    }

    private static void addCore(List<Finding> out, Settings settings, RuleMeta meta, TextRange range, String msg) {
        settings.effectiveSeverity(meta).ifPresent(sev -> out.add(new Finding(
                meta.id(), sev, meta.category(), range, msg, null, List.of(), List.of(), meta.tags(),
                Finding.RULE_BOOK_SOURCE, null)));
    }

    private static Finding coreFinding(RuleMeta meta, TextRange range, String msg) {
        return new Finding(meta.id(), meta.defaultSeverity(), meta.category(), range, msg, null, List.of(),
                List.of(), meta.tags(), Finding.RULE_BOOK_SOURCE, null);
    }
}

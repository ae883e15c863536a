package io.archlens.analysis;

import io.archlens.config.Settings;
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
    private static volatile RuleBook defaultInstance;

    private final Map<FileKind, List<RulePack<?>>> packsByKind = new EnumMap<>(FileKind.class);
    private final Map<String, RuleMeta> rules = new LinkedHashMap<>();

    public RuleBook(Collection<? extends RulePack<?>> packs) {
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
                    rb = new RuleBook(packs);
                    defaultInstance = rb;
                }
            }
        }
        return rb;
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
        for (RulePack<?> pack : packs) {
            Object model = runPack(pack, file, settings, raw, suppressions, cancelled, log);
            if (cancelled.getAsBoolean()) {
                return new Analysis(file, List.of(), null);
            }
            if (firstModel == null) {
                firstModel = model;
            }
        }
        return finish(file, raw, suppressions, settings, firstModel);
    }

    private <M> Object runPack(RulePack<M> pack, SourceFile file, Settings settings, List<Finding> raw,
            List<Suppression> suppressions, BooleanSupplier cancelled, BiConsumer<String, Throwable> log) {
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
            if (settings.effectiveSeverity(meta.id(), meta.defaultSeverity()).isEmpty()) {
                continue;
            }
            List<Finding> sink = new ArrayList<>();
            try {
                rule.check(model, new RuleContext(file, meta, settings.context(), sink));
                raw.addAll(sink);
            } catch (RuntimeException | StackOverflowError e) {
                log.accept("rule " + meta.id() + " failed on " + file.path(), e);
            }
        }
        return model;
    }

    private Analysis finish(SourceFile file, List<Finding> raw, List<Suppression> suppressions, Settings settings,
            Object model) {
        List<Finding> out = new ArrayList<>();
        Set<Suppression> used = new HashSet<>();
        var lines = file.lines();
        for (Finding f : raw) {
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
        for (Suppression s : suppressions) {
            if (s.idRange() == null) {
                continue;
            }
            boolean pattern = s.ruleId().endsWith("*");
            if (!pattern && !rules.containsKey(s.ruleId())) {
                addCore(out, settings, CoreRules.UNKNOWN_RULE, s.idRange(),
                        "Unknown rule '" + s.ruleId() + "' in suppression; run `archlens rules` for the list");
            } else if (!used.contains(s)) {
                addCore(out, settings, CoreRules.UNUSED_SUPPRESSION, s.idRange(),
                        "Suppression of " + s.ruleId() + " suppresses nothing here; remove it");
            }
        }
        out.sort(Comparator.comparing(Finding::range).thenComparing(Finding::ruleId));
        return new Analysis(file, out, model);
    }

    private static void addCore(List<Finding> out, Settings settings, RuleMeta meta, TextRange range, String msg) {
        settings.effectiveSeverity(meta.id(), meta.defaultSeverity()).ifPresent(sev -> out.add(new Finding(
                meta.id(), sev, meta.category(), range, msg, null, List.of(), List.of(), meta.tags(),
                Finding.RULE_BOOK_SOURCE, null)));
    }

    private static Finding coreFinding(RuleMeta meta, TextRange range, String msg) {
        return new Finding(meta.id(), meta.defaultSeverity(), meta.category(), range, msg, null, List.of(),
                List.of(), meta.tags(), Finding.RULE_BOOK_SOURCE, null);
    }
}

package io.archlens.config;

import io.archlens.analysis.Profile;
import io.archlens.analysis.Profiles;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Effective settings. Built from defaults, then {@code .archlens.yml} at the workspace root, then the
 * editor's {@code archlens} settings section (or initializationOptions), each layer overriding the previous
 * one key by key (see docs/configuration.md).
 */
public record Settings(
        Map<String, String> rules,
        List<String> ignore,
        ProjectContext context,
        Map<String, Object> agent,
        long maxFileBytes,
        String docsBaseUrl,
        Map<String, Object> raw) {

    public static final long DEFAULT_MAX_FILE_BYTES = 2L * 1024 * 1024;
    public static final int DEFAULT_MAX_FINDINGS_PER_FILE = 1000;
    /** The editor's per-file analysis budget: a change must be answered within about two seconds. */
    public static final long EDITOR_ANALYSIS_TIMEOUT_MS = 1500;
    /** {@code check}'s: a CI run favours a complete answer, but one pathological file must not stall it. */
    public static final long CHECK_ANALYSIS_TIMEOUT_MS = 10_000;
    public static final String DEFAULT_DOCS_BASE = "https://github.com/archlens/archlens/blob/main/docs/rules/";
    public static final Settings DEFAULTS = fromMap(Map.of());

    public Settings {
        rules = Map.copyOf(rules);
        ignore = List.copyOf(ignore);
        agent = withoutNulls(agent);
        raw = withoutNulls(raw);
    }

    /** An immutable copy without null values ({@code context:} with nothing under it reads as absent). */
    private static Map<String, Object> withoutNulls(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (e.getKey() != null && e.getValue() != null) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Reads the settings object (the same shape in .archlens.yml and in editor settings). */
    public static Settings fromMap(Map<String, Object> m) {
        Map<String, String> rules = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : Maps.map(m.get("rules")).entrySet()) {
            Object v = e.getValue();
            String s;
            if (v instanceof Boolean b) {
                s = b ? "on" : "off";
            } else if (v instanceof Map<?, ?> mm && mm.get("severity") != null) {
                s = String.valueOf(mm.get("severity"));
            } else {
                s = String.valueOf(v);
            }
            rules.put(e.getKey(), s.toLowerCase(Locale.ROOT).trim());
        }
        List<String> ignore = new ArrayList<>();
        for (Object o : Maps.list(m.get("ignore"))) {
            ignore.add(String.valueOf(o));
        }
        Long max = m.get("max-file-bytes") instanceof Number n ? n.longValue() : null;
        String docs = Maps.str(m.get("docs-base-url"));
        return new Settings(rules, ignore, ProjectContext.fromMap(Maps.map(m.get("context"))),
                Maps.map(m.get("agent")), max == null ? DEFAULT_MAX_FILE_BYTES : max,
                docs == null ? DEFAULT_DOCS_BASE : docs, m);
    }

    /** {@code over}'s keys win; rule maps merge per rule; ignore lists add up. */
    public static Settings merge(Settings base, Settings over) {
        Map<String, Object> merged = Maps.deepMerge(base.raw, over.raw);
        List<Object> ignores = new ArrayList<>(Maps.list(base.raw.get("ignore")));
        ignores.addAll(Maps.list(over.raw.get("ignore")));
        merged.put("ignore", ignores);
        return fromMap(merged);
    }

    /** The rule profile (setting {@code profile}; {@link Profile#DEFAULT} when unset or unknown). */
    public Profile profile() {
        return Profile.parse(Maps.str(raw().get("profile"))).orElse(Profile.DEFAULT);
    }

    /**
     * A rule's state: empty when it is off, else its effective severity. A setting that names the rule wins over the
     * profile; a rule outside the profile is off; then settings for its kind ({@code compose/*}) and {@code *} apply.
     */
    public Optional<Severity> effectiveSeverity(RuleMeta meta) {
        String own = rules.get(meta.id());
        if (own != null) {
            return state(own, meta.defaultSeverity());
        }
        if (!profile().includes(Profiles.of(meta))) {
            return Optional.empty();
        }
        return state(broad(meta.id()), meta.defaultSeverity());
    }

    /**
     * The state of a finding's rule by id alone (agent findings, findings already past the profile): settings that
     * name it, its kind or {@code *}; no profile applies.
     */
    public Optional<Severity> effectiveSeverity(String ruleId, Severity defaultSeverity) {
        String own = rules.get(ruleId);
        return state(own != null ? own : broad(ruleId), defaultSeverity);
    }

    /** The setting for the rule's kind ({@code compose/*}), else for every rule ({@code *}). */
    private String broad(String ruleId) {
        int slash = ruleId.indexOf('/');
        String v = slash > 0 ? rules.get(ruleId.substring(0, slash) + "/*") : null;
        return v != null ? v : rules.get("*");
    }

    private static Optional<Severity> state(String v, Severity defaultSeverity) {
        if (v == null || v.equals("on") || v.equals("true") || v.equals("default")) {
            return Optional.of(defaultSeverity);
        }
        if (v.equals("off") || v.equals("false") || v.equals("none")) {
            return Optional.empty();
        }
        return Optional.of(Severity.parse(v).orElse(defaultSeverity));
    }

    /** Findings of one file shown at most (setting {@code max-findings-per-file}); one hint counts the rest. */
    public int maxFindingsPerFile() {
        return raw().get("max-findings-per-file") instanceof Number n && n.intValue() > 0 ? n.intValue()
                : DEFAULT_MAX_FINDINGS_PER_FILE;
    }

    /**
     * How long one file's analysis may take (setting {@code analysis-timeout-ms}) before it is reported as not
     * analysed and the next file's turn comes; {@code fallback} when unset. 0 turns the budget off.
     */
    public long analysisTimeoutMs(long fallback) {
        return raw().get("analysis-timeout-ms") instanceof Number n ? Math.max(0, n.longValue()) : fallback;
    }

    public boolean isIgnored(String relativePath) {
        for (String g : ignore) {
            if (Glob.matches(g, relativePath)) {
                return true;
            }
        }
        return false;
    }
}

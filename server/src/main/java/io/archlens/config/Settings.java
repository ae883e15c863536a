package io.archlens.config;

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

    /** Rule state: empty when the rule is off, else its effective severity. */
    public Optional<Severity> effectiveSeverity(String ruleId, Severity defaultSeverity) {
        String v = rules.get(ruleId);
        if (v == null) {
            int slash = ruleId.indexOf('/');
            if (slash > 0) {
                v = rules.get(ruleId.substring(0, slash) + "/*");
            }
        }
        if (v == null) {
            v = rules.get("*");
        }
        if (v == null || v.equals("on") || v.equals("true") || v.equals("default")) {
            return Optional.of(defaultSeverity);
        }
        if (v.equals("off") || v.equals("false") || v.equals("none")) {
            return Optional.empty();
        }
        return Optional.of(Severity.parse(v).orElse(defaultSeverity));
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

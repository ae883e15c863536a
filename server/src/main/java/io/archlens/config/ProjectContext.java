package io.archlens.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The questions an architect asks first, as declared in {@code .archlens.yml} under {@code context:}.
 * Every field is optional; rules that need one treat "unset" as "unknown" rather than guessing.
 */
public record ProjectContext(
        String stage,
        Integer requestsPerSecond,
        Integer replicas,
        Integer teamSize,
        String databaseEngine,
        Integer databaseMaxConnections,
        Integer databaseVersion,
        String cloud,
        List<String> requiredTags,
        Map<String, Object> raw) {

    public static final ProjectContext EMPTY = new ProjectContext(null, null, null, null, null, null, null, null,
            List.of(), Map.of());

    public ProjectContext {
        requiredTags = requiredTags == null ? List.of() : List.copyOf(requiredTags);
        if (raw == null) {
            raw = Map.of();
        } else {
            java.util.Map<String, Object> clean = new java.util.LinkedHashMap<>();
            raw.forEach((k, v) -> {
                if (k != null && v != null) {
                    clean.put(k, v);
                }
            });
            raw = java.util.Collections.unmodifiableMap(clean);
        }
    }

    /** The database's major version when the context declares it ({@code database: {version: 11}}). */
    public boolean databaseOlderThan(int major) {
        return databaseVersion != null && databaseVersion < major;
    }

    public boolean isProduction() {
        return isProductionStage(stage);
    }

    /** Whether a stage name ({@code context.stage}, an Environment/Stage tag) means production: prod, production... */
    public static boolean isProductionStage(String stage) {
        return stage != null && stage.toLowerCase(Locale.ROOT).startsWith("prod");
    }

    public boolean stageKnown() {
        return stage != null && !stage.isBlank();
    }

    @SuppressWarnings("unchecked")
    static ProjectContext fromMap(Map<String, Object> m) {
        if (m == null || m.isEmpty()) {
            return EMPTY;
        }
        Map<String, Object> db = m.get("database") instanceof Map ? (Map<String, Object>) m.get("database") : Map.of();
        Object tags = m.get("required-tags");
        return new ProjectContext(
                Maps.str(m.get("stage")),
                Maps.integer(firstNonNull(m.get("requests-per-second"), m.get("rps"))),
                Maps.integer(m.get("replicas")),
                Maps.integer(m.get("team-size")),
                Maps.str(firstNonNull(db.get("engine"), m.get("database-engine"))),
                Maps.integer(firstNonNull(db.get("max-connections"), m.get("database-max-connections"))),
                majorVersion(firstNonNull(db.get("version"), m.get("database-version"))),
                Maps.str(m.get("cloud")),
                tags instanceof List ? ((List<Object>) tags).stream().map(String::valueOf).toList() : List.of(),
                m);
    }

    /** The major version in {@code 11}, {@code "11"}, {@code "11.4"}, {@code "postgres 11"}; null when none. */
    static Integer majorVersion(Object v) {
        if (v == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,3})").matcher(String.valueOf(v));
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static Object firstNonNull(Object a, Object b) {
        return a != null ? a : b;
    }
}

package io.archlens.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Severity;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTest {
    @Test
    void editorSettingsOverrideTheProjectFileRuleByRule() {
        Settings project = ConfigLoader.parse("""
                rules:
                  docker/no-latest-tag: error
                  docker/no-healthcheck: off
                ignore: [vendor/]
                context:
                  stage: production
                  replicas: 3
                  database: {engine: postgres, max-connections: 200}
                """);
        Settings editor = Settings.fromMap(java.util.Map.of("rules", java.util.Map.of("docker/no-healthcheck", "info"),
                "ignore", java.util.List.of("**/generated/**")));
        Settings s = Settings.merge(project, editor);
        assertEquals(Optional.of(Severity.ERROR), s.effectiveSeverity("docker/no-latest-tag", Severity.WARNING));
        assertEquals(Optional.of(Severity.INFO), s.effectiveSeverity("docker/no-healthcheck", Severity.WARNING));
        assertTrue(s.isIgnored("vendor/chart/x.yaml"));
        assertTrue(s.isIgnored("a/generated/b/c.yml"));
        assertFalse(s.isIgnored("src/app.yml"));
        assertTrue(s.context().isProduction());
        assertEquals(3, s.context().replicas());
        assertEquals(200, s.context().databaseMaxConnections());
        assertEquals("postgres", s.context().databaseEngine());
    }

    @Test
    void kindPatternsAndDefaults() {
        Settings s = ConfigLoader.parse("rules:\n  k8s/*: off\n  k8s/no-probes: warning\n");
        assertEquals(Optional.empty(), s.effectiveSeverity("k8s/privileged", Severity.ERROR));
        assertEquals(Optional.of(Severity.WARNING), s.effectiveSeverity("k8s/no-probes", Severity.INFO));
        assertEquals(Optional.of(Severity.INFO), s.effectiveSeverity("docker/x", Severity.INFO));
    }

    @Test
    void malformedConfigIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.parse("- a\n- b\n"));
        assertTrue(e.getMessage().contains("mapping"));
        assertThrows(RuntimeException.class, () -> ConfigLoader.parse("rules: [\n"));
    }

    @Test
    void globs() {
        assertTrue(Glob.matches("*.sql", "db/migration/V1__a.sql"));
        assertTrue(Glob.matches("charts/**", "charts/x/templates/d.yaml"));
        assertTrue(Glob.matches("/charts/", "charts/x/templates/d.yaml"));
        assertFalse(Glob.matches("/charts/", "sub/charts/x.yaml"));
        assertTrue(Glob.matches("docs/*.md", "docs/a.md"));
        assertFalse(Glob.matches("docs/*.md", "docs/sub/a.md"));
        assertTrue(Glob.matches("Dockerfile.?", "x/Dockerfile.a"));
    }
}

package io.archlens.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How ignore: globs are anchored, as docs/configuration.md states it. */
class GlobTest {
    private static void table(String glob, List<String> matched, List<String> notMatched) {
        for (String p : matched) {
            assertEquals(true, Glob.matches(glob, p), glob + " should match " + p);
        }
        for (String p : notMatched) {
            assertEquals(false, Glob.matches(glob, p), glob + " should not match " + p);
        }
    }

    @Test
    void noSlashOrOnlyATrailingOneMatchesAtAnyDepth() {
        table("*.min.yml", List.of("a.min.yml", "deep/x/a.min.yml"), List.of("a.yml"));
        table("vendor/", List.of("vendor/a.yml", "svc/vendor/a.yml", "svc/vendor/"), List.of("vendors/a.yml"));
        table("generated", List.of("generated", "generated/a.yml", "x/generated/a.yml"), List.of("generated.yml"));
    }

    @Test
    void aSlashAtTheStartOrInTheMiddleAnchorsAtTheSettingsFolder() {
        table("/charts/", List.of("charts/x.yaml", "charts/sub/x.yaml"), List.of("svc/charts/x.yaml"));
        table("charts/vendor/", List.of("charts/vendor/x.yaml"), List.of("svc/charts/vendor/x.yaml"));
        table("docs/*.md", List.of("docs/a.md", "./docs/a.md"), List.of("docs/sub/a.md", "x/docs/a.md"));
        table("**/generated/**", List.of("generated/a.yml", "x/y/generated/a.yml"), List.of("generated.yml"));
        table("k8s/**/test-*.yaml", List.of("k8s/test-a.yaml", "k8s/a/b/test-a.yaml"), List.of("x/k8s/test-a.yaml"));
    }
}

package io.archlens.rules.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.archlens.analysis.Finding;
import io.archlens.filekind.FileKindDetector;
import io.archlens.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The shop example's Compose file and Kubernetes manifests show the findings the docs promise. */
class ComposeKubernetesExamplesTest {
    static List<String> rules(String example) throws IOException {
        Path p = Fixtures.repoRoot().resolve("examples/shop").resolve(example);
        String text = Files.readString(p);
        String path = "examples/shop/" + example;
        return new TreeSet<>(Fixtures.analyze(Fixtures.source(path, text, FileKindDetector.detect(path, text)))
                .findings().stream().map(Finding::ruleId).toList()).stream().toList();
    }

    @Test
    void compose() throws IOException {
        assertEquals(List.of("compose/container-name", "compose/database-port-exposed", "compose/database-without-volume",
                "compose/datastore-without-auth", "compose/dependency-without-healthcheck", "compose/depends-on-not-healthy", "compose/links",
                "compose/literal-secret", "compose/no-cap-drop", "compose/no-new-privileges", "compose/no-resource-limits",
                "compose/no-restart-policy", "compose/obsolete-version", "compose/unbounded-logging",
                "compose/unpinned-image", "compose/writable-root-fs"), rules("docker-compose.yml"));
    }

    @Test
    void kubernetes() throws IOException {
        assertEquals(List.of("k8s/allow-privilege-escalation", "k8s/automount-service-account-token",
                "k8s/capabilities-not-dropped", "k8s/image-pull-policy", "k8s/literal-secret-env",
                "k8s/max-unavailable-all", "k8s/missing-recommended-labels", "k8s/no-memory-limit",
                "k8s/no-run-as-non-root", "k8s/probe-port-not-declared", "k8s/single-replica", "k8s/unpinned-image",
                "k8s/writable-root-filesystem"), rules("k8s/api-deployment.yaml"));
        assertEquals(List.of("k8s/exposed-service-type"), rules("k8s/api-service.yaml"));
        assertEquals(List.of("k8s/ingress-no-tls"), rules("k8s/api-ingress.yaml"));
        assertEquals(List.of("k8s/deprecated-api-version"), rules("k8s/api-hpa.yaml"));
        assertEquals(List.of("k8s/allow-privilege-escalation", "k8s/automount-service-account-token",
                "k8s/capabilities-not-dropped", "k8s/literal-secret-env", "k8s/runs-as-root",
                "k8s/writable-root-filesystem", "k8s/zero-grace-period"), rules("k8s/postgres.yaml"));
    }
}

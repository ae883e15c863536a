package io.archlens.rules.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Finding;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.SourceFile;
import io.archlens.config.Settings;
import io.archlens.filekind.FileKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kustomize base is judged with what every overlay built on it patches in. */
class KustomizeOverlaysTest {
    private static final RuleBook BOOK = RuleBook.loadDefault();
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: api
            spec:
              replicas: 1
              selector:
                matchLabels: {app: api}
              template:
                metadata:
                  labels: {app: api}
                spec:
                  containers:
                    - name: api
                      image: shop/api:1.4.2
            """;
    private static final String PROD_PATCH = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: api
            spec:
              template:
                spec:
                  containers:
                    - name: api
                      resources:
                        requests: {cpu: 250m, memory: 256Mi}
                        limits: {memory: 512Mi}
                      securityContext:
                        runAsNonRoot: true
                        readOnlyRootFilesystem: true
                        allowPrivilegeEscalation: false
            """;

    @TempDir
    Path root;

    @BeforeEach
    void base() throws Exception {
        Files.createDirectories(root.resolve("k8s/base"));
        Files.writeString(root.resolve("k8s/base/kustomization.yaml"), "resources:\n  - deployment.yaml\n");
        Files.writeString(root.resolve("k8s/base/deployment.yaml"), DEPLOYMENT);
    }

    private void overlay(String name, String kustomization, String patchFile, String patch) throws Exception {
        Path dir = Files.createDirectories(root.resolve("k8s/overlays/" + name));
        Files.writeString(dir.resolve("kustomization.yaml"), kustomization);
        if (patchFile != null) {
            Files.writeString(dir.resolve(patchFile), patch);
        }
    }

    private List<String> baseFindings() {
        return findings(root.resolve("k8s/base/deployment.yaml"), DEPLOYMENT);
    }

    /** The rule ids reported on {@code text} as the manifest at {@code p} (the overlays are read from disk). */
    private static List<String> findings(Path p, String text) {
        return BOOK.analyze(source(p, text), Settings.DEFAULTS).findings().stream().map(Finding::ruleId).toList();
    }

    private static SourceFile source(Path p, String text) {
        return new SourceFile(p.toUri().toString(), p.toString(), text, FileKind.KUBERNETES, 1);
    }

    @Test
    void withoutOverlaysTheBaseIsJudgedAsWritten() {
        List<String> ids = baseFindings();
        assertTrue(ids.contains("k8s/no-memory-limit"), ids.toString());
        assertTrue(ids.contains("k8s/single-replica"), ids.toString());
    }

    @Test
    void whatTheOnlyOverlayPatchesInIsNotReportedOnTheBase() throws Exception {
        overlay("prod", "resources:\n  - ../../base\npatches:\n  - path: hardening.yaml\nreplicas:\n  - name: api\n"
                + "    count: 3\n", "hardening.yaml", PROD_PATCH);
        List<String> ids = baseFindings();
        for (String gone : List.of("k8s/no-memory-limit", "k8s/no-resource-requests", "k8s/no-run-as-non-root",
                "k8s/writable-root-filesystem", "k8s/allow-privilege-escalation", "k8s/single-replica")) {
            assertFalse(ids.contains(gone), gone + " is set by the overlay: " + ids);
        }
        assertTrue(ids.contains("k8s/no-readiness-probe"), "what no overlay sets stays: " + ids);
        assertFalse(ids.contains("archlens/unused-suppression"), "implicit suppressions are never unused: " + ids);
    }

    @Test
    void theSystemModelCountsTheReplicasTheOverlaysDeploy() throws Exception {
        overlay("prod", "resources:\n  - ../../base\nreplicas:\n  - name: api\n    count: 6\n", null, null);
        overlay("staging", "resources:\n  - ../../base\n", null, null);
        var facts = io.archlens.model.SystemIndex.extract(BOOK, source(root.resolve("k8s/base/deployment.yaml"),
                DEPLOYMENT), null, (m, e) -> { });
        var w = facts.workloads().get(0);
        assertEquals(6, w.replicas(), "the largest count an overlay deploys, for the pool arithmetic");
        assertNull(w.replicasLoc(), "the count is not written in this file");
    }

    @Test
    void anUntaggedImageIsPinnedByTheOverlaysImagesField() throws Exception {
        String untagged = DEPLOYMENT.replace("image: shop/api:1.4.2", "image: shop/api");
        Files.writeString(root.resolve("k8s/base/deployment.yaml"), untagged);
        assertTrue(findings(root.resolve("k8s/base/deployment.yaml"), untagged).contains("k8s/unpinned-image"),
                "no overlay: the base is judged as written");
        // (the overlays of a base folder are remembered for a few seconds, so the pinned case uses another one)
        Path base2 = Files.createDirectories(root.resolve("k8s2/base"));
        Files.writeString(base2.resolve("kustomization.yaml"), "resources:\n  - deployment.yaml\n");
        Files.writeString(base2.resolve("deployment.yaml"), untagged);
        Path prod = Files.createDirectories(root.resolve("k8s2/overlays/prod"));
        Files.writeString(prod.resolve("kustomization.yaml"),
                "resources:\n- ../../base\nimages:\n- name: shop/api\n  digest: sha256:" + "a".repeat(64) + "\n");
        assertFalse(findings(base2.resolve("deployment.yaml"), untagged).contains("k8s/unpinned-image"),
                "the only overlay pins it by digest");
    }

    @Test
    void aLatestTagInOneOverlayKeepsTheFinding() throws Exception {
        String untagged = DEPLOYMENT.replace("image: shop/api:1.4.2", "image: shop/api");
        Files.writeString(root.resolve("k8s/base/deployment.yaml"), untagged);
        overlay("prod", "resources:\n- ../../base\nimages:\n- name: shop/api\n  newTag: 1.4.2\n", null, null);
        overlay("dev", "resources:\n- ../../base\nimages:\n- name: shop/api\n  newTag: latest\n", null, null);
        assertTrue(findings(root.resolve("k8s/base/deployment.yaml"), untagged).contains("k8s/unpinned-image"),
                "dev deploys :latest");
    }

    @Test
    void oneOverlayWithoutTheSettingKeepsTheFinding() throws Exception {
        overlay("prod", "resources:\n- ../../base\npatchesStrategicMerge:\n- hardening.yaml\n", "hardening.yaml",
                PROD_PATCH);
        overlay("dev", "resources:\n- ../../base\n", null, null);
        List<String> ids = baseFindings();
        assertTrue(ids.contains("k8s/no-memory-limit"), "dev deploys it without a limit: " + ids);
    }

    @Test
    void aManifestTheKustomizationDoesNotListIsNotABaseMember() throws Exception {
        Files.writeString(root.resolve("k8s/base/kustomization.yaml"), "resources:\n  - other.yaml\n");
        overlay("prod", "resources:\n  - ../../base\npatches:\n  - path: hardening.yaml\n", "hardening.yaml",
                PROD_PATCH);
        assertTrue(baseFindings().contains("k8s/no-memory-limit"));
    }
}

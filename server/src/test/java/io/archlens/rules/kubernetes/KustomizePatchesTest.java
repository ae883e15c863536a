package io.archlens.rules.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Finding;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.SourceFile;
import io.archlens.config.Settings;
import io.archlens.filekind.FileKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file is a kustomize patch only when a kustomization says so; other partial workloads are reported. */
class KustomizePatchesTest {
    private static final RuleBook BOOK = RuleBook.loadDefault();
    private static final String PARTIAL = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n"
            + "  replicas: 3\n";

    @TempDir
    Path root;

    private List<Finding> analyse(String rel) throws Exception {
        Path p = root.resolve(rel);
        SourceFile f = new SourceFile(p.toUri().toString(), rel, Files.readString(p), FileKind.KUBERNETES, 1);
        return BOOK.analyze(f, Settings.DEFAULTS, () -> false, (m, e) -> { }).findings();
    }

    private void write(String rel, String text) throws Exception {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static List<String> ids(List<Finding> fs) {
        return fs.stream().map(Finding::ruleId).toList();
    }

    @Test
    void partialWorkloadListedByNoKustomizationIsReportedWithWhatItLacks() throws Exception {
        write("deploy/api.yaml", PARTIAL);
        List<Finding> fs = analyse("deploy/api.yaml");
        Finding f = fs.stream().filter(x -> x.ruleId().equals("k8s/incomplete-workload")).findFirst().orElseThrow();
        assertTrue(f.message().startsWith("Deployment 'api' lacks spec.template, spec.selector: applied as written"),
                f.message());
        assertTrue(f.message().contains("If this file is a kustomize patch, list it under patches:"), f.message());
    }

    @Test
    void listedPatchIsNotJudgedAsAnObject() throws Exception {
        write("overlays/prod/kustomization.yaml", "resources:\n  - ../../base\npatches:\n  - path: patches/api.yaml\n");
        write("overlays/prod/patches/api.yaml", PARTIAL);
        List<Finding> fs = analyse("overlays/prod/patches/api.yaml");
        assertEquals(List.of("archlens/not-analyzed"), ids(fs));
        assertTrue(fs.get(0).message().contains("listed under patches: in ../kustomization.yaml"), fs.get(0).message());
    }

    @Test
    void strategicMergeAndJson6902ListingsCount() throws Exception {
        write("o/kustomization.yaml", "patchesStrategicMerge:\n- smp.yaml\npatchesJson6902:\n- target: {kind: Deployment}\n  path: j.yaml\n");
        write("o/smp.yaml", PARTIAL);
        write("o/j.yaml", PARTIAL);
        assertEquals(List.of("archlens/not-analyzed"), ids(analyse("o/smp.yaml")));
        assertEquals(List.of("archlens/not-analyzed"), ids(analyse("o/j.yaml")));
    }

    @Test
    void patchNameCountsOnlyInAKustomizeLayout() throws Exception {
        write("plain/api-patch.yaml", PARTIAL);
        assertTrue(ids(analyse("plain/api-patch.yaml")).contains("k8s/incomplete-workload"));
        write("layout/kustomization.yaml", "resources:\n  - deployment.yaml\n");
        write("layout/api-patch.yaml", PARTIAL);
        assertEquals(List.of("archlens/not-analyzed"), ids(analyse("layout/api-patch.yaml")));
    }

    @Test
    void containerWithoutImageIsNamed() throws Exception {
        write("k/job.yaml", "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: m\nspec:\n  template:\n    spec:\n"
                + "      containers:\n        - name: m\n          command: [x]\n");
        Finding f = analyse("k/job.yaml").stream().filter(x -> x.ruleId().equals("k8s/incomplete-workload"))
                .findFirst().orElseThrow();
        assertTrue(f.message().startsWith("Job 'm' lacks an image for container 'm': "), f.message());
    }

    @Test
    void kindsNoRuleReviewsAreNamedOnceInOneHint() throws Exception {
        write("ocp/app.yaml", "apiVersion: route.openshift.io/v1\nkind: Route\nmetadata:\n  name: shop\n---\n"
                + "apiVersion: security.openshift.io/v1\nkind: SecurityContextConstraints\nmetadata:\n  name: scc\n---\n"
                + "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: shop\ndata: {}\n");
        List<Finding> fs = analyse("ocp/app.yaml");
        assertEquals(List.of("archlens/not-analyzed"), ids(fs));
        assertEquals("Not reviewed: Route 'shop', SecurityContextConstraints 'scc'. ArchLens has no rules for these kinds"
                + " (OpenShift kinds other than DeploymentConfig, custom resources); the other objects of the file are"
                + " reviewed", fs.get(0).message());
        write("ocp/route.yaml", "apiVersion: route.openshift.io/v1\nkind: Route\nmetadata:\n  name: shop\n");
        assertTrue(analyse("ocp/route.yaml").get(0).message().endsWith("custom resources)"));
    }
}

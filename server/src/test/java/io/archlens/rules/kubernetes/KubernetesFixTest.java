package io.archlens.rules.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archlens.analysis.Finding;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Fixes;
import io.archlens.analysis.Parsed;
import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YamlDocument;
import io.archlens.syntax.yaml.YamlFile;
import io.archlens.syntax.yaml.YamlParser;
import io.archlens.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubernetesFixTest {
    private static final String PATH = "k8s/api.yaml";

    private static final String POD = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n"
            + "  - name: api\n    image: shop/api:1.4.2\n  - name: proxy\n    image: envoy:1.31.2\n";

    static List<YNode> reparse(String text) {
        Parsed<YamlFile> p = YamlParser.parse(SourceFile.of(PATH, text, FileKind.KUBERNETES));
        assertTrue(p.issues().isEmpty(), "fixed manifest must be valid YAML: " + p.issues() + "\n" + text);
        return p.model().documents().stream().map(YamlDocument::root).toList();
    }

    private static YNode container(YNode root, int i) {
        return root.at("spec", "containers").asSeq().items().get(i);
    }

    private static List<Finding> findings(String path, String text, String ruleId) {
        return Fixtures.analyze(Fixtures.source(path, text, FileKind.KUBERNETES)).findings().stream()
                .filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    private static String fix(String text, String ruleId, String title) {
        return Fixtures.applyFix(Fixtures.source(PATH, text, FileKind.KUBERNETES), ruleId, title);
    }

    @Test
    void addsASecurityContextWithSafeDefaultsInAFlushSequence() {
        String after = fix(POD, "k8s/no-run-as-non-root", "safe defaults");
        assertEquals("apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n"
                + "  - name: api\n    image: shop/api:1.4.2\n    securityContext:\n      runAsNonRoot: true\n"
                + "      allowPrivilegeEscalation: false\n      readOnlyRootFilesystem: true\n      capabilities:\n"
                + "        drop: [\"ALL\"]\n      seccompProfile:\n        type: RuntimeDefault\n"
                + "  - name: proxy\n    image: envoy:1.31.2\n", after);
        YNode sc = container(reparse(after).get(0), 0).at("securityContext");
        assertEquals("true", sc.at("runAsNonRoot").text());
        assertEquals("false", sc.at("allowPrivilegeEscalation").text());
        assertEquals("ALL", sc.at("capabilities", "drop").asSeq().items().get(0).text());
        assertEquals("RuntimeDefault", sc.at("seccompProfile", "type").text());
        // the fixed container no longer reports the hardening rules, the other one still does
        for (String rule : List.of("k8s/no-run-as-non-root", "k8s/allow-privilege-escalation",
                "k8s/writable-root-filesystem", "k8s/capabilities-not-dropped")) {
            List<Finding> left = findings(PATH, after, rule);
            assertEquals(1, left.size(), rule);
            assertTrue(after.substring(left.get(0).range().start()).startsWith("proxy"), rule);
        }
    }

    @Test
    void setsAllowPrivilegeEscalationSafely() {
        String after = fix(POD, "k8s/allow-privilege-escalation", "allowPrivilegeEscalation");
        assertTrue(after.contains("    image: shop/api:1.4.2\n    securityContext:\n      allowPrivilegeEscalation: false\n  - name: proxy"), after);
        assertEquals("false", container(reparse(after).get(0), 0).at("securityContext", "allowPrivilegeEscalation").text());
        Finding f = findings(PATH, POD, "k8s/allow-privilege-escalation").get(0);
        assertTrue(f.fixes().get(0).safe(), "setting it to false is safe for fix-all");

        String explicit = POD.replace("    image: shop/api:1.4.2\n",
                "    image: shop/api:1.4.2\n    securityContext:\n      allowPrivilegeEscalation: true  # legacy\n");
        after = fix(explicit, "k8s/allow-privilege-escalation", null);
        assertTrue(after.contains("      allowPrivilegeEscalation: false  # legacy\n"), after);
        reparse(after);
    }

    @Test
    void addsReadOnlyRootFilesystemToAnExistingSecurityContext() {
        String text = POD.replace("    image: shop/api:1.4.2\n",
                "    image: shop/api:1.4.2\n    securityContext:\n      runAsNonRoot: true\n");
        String after = fix(text, "k8s/writable-root-filesystem", "readOnlyRootFilesystem");
        assertTrue(after.contains("    securityContext:\n      runAsNonRoot: true\n      readOnlyRootFilesystem: true\n"), after);
        assertEquals("true", container(reparse(after).get(0), 0).at("securityContext", "readOnlyRootFilesystem").text());
        assertFalse(findings(PATH, text, "k8s/writable-root-filesystem").get(0).fixes().get(0).safe());
    }

    @Test
    void addsAResourcesSkeletonOrTheMissingPart() {
        String after = fix(POD, "k8s/no-resource-requests", null);
        YNode res = container(reparse(after).get(0), 0).at("resources");
        assertEquals("100m", res.at("requests", "cpu").text());
        assertEquals("128Mi", res.at("requests", "memory").text());
        assertEquals("256Mi", res.at("limits", "memory").text());

        String partial = POD.replace("    image: shop/api:1.4.2\n",
                "    image: shop/api:1.4.2\n    resources:\n      requests:\n        cpu: 250m\n        memory: 512Mi\n");
        after = fix(partial, "k8s/no-memory-limit", null);
        assertTrue(after.contains("      requests:\n        cpu: 250m\n        memory: 512Mi\n      limits:\n        memory: 256Mi\n"), after);
        res = container(reparse(after).get(0), 0).at("resources");
        assertEquals("250m", res.at("requests", "cpu").text(), "existing values are kept");
    }

    @Test
    void replacesDeprecatedApiVersions() {
        String text = "apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: api\nspec:\n  minAvailable: 1\n"
                + "---\napiVersion: \"extensions/v1beta1\"\nkind: Ingress\nmetadata:\n  name: web\n";
        List<Finding> found = findings(PATH, text, "k8s/deprecated-api-version");
        assertEquals(2, found.size());
        assertTrue(found.get(0).fixes().get(0).safe(), "PodDisruptionBudget policy/v1 has the same schema");
        assertFalse(found.get(1).fixes().get(0).safe(), "Ingress backends changed: manual");
        String after = Fixes.apply(text, found.get(1).fixes().get(0).edits());
        after = Fixes.apply(after, found.get(0).fixes().get(0).edits());
        List<YNode> docs = reparse(after);
        assertEquals("policy/v1", docs.get(0).at("apiVersion").text());
        assertEquals("networking.k8s.io/v1", docs.get(1).at("apiVersion").text());
        assertTrue(after.contains("apiVersion: \"networking.k8s.io/v1\""), "quotes are kept");
    }

    @Test
    void workloadsWithoutSelectorGetAManualApiFix() {
        String text = "apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n"
                + "    metadata:\n      labels:\n        app: api\n    spec:\n      containers:\n      - name: api\n        image: a:1\n";
        Finding f = Fixtures.single(findings(PATH, text, "k8s/deprecated-api-version"), "k8s/deprecated-api-version");
        assertFalse(f.fixes().get(0).safe());
        assertTrue(f.message().contains("selector"));
    }

    @Test
    void keepsFourSpaceIndentationAndCrlf() {
        String text = ("apiVersion: v1\nkind: Pod\nmetadata:\n    name: api\nspec:\n    containers:\n        -   name: api\n"
                + "            image: shop/api:1.4.2\n").replace("\n", "\r\n");
        String after = fix(text, "k8s/allow-privilege-escalation", "allowPrivilegeEscalation");
        assertTrue(after.endsWith("            image: shop/api:1.4.2\r\n            securityContext:\r\n"
                + "                allowPrivilegeEscalation: false\r\n"), after);
        assertFalse(after.replace("\r\n", "").contains("\n"));
        reparse(after);
    }

    @Test
    void fixesJsonManifestsAsValidJson() throws Exception {
        String json = "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Pod\",\n  \"metadata\": {\"name\": \"api\"},\n"
                + "  \"spec\": {\n    \"containers\": [\n      {\n        \"name\": \"api\",\n"
                + "        \"image\": \"shop/api:1.4.2\"\n      }\n    ]\n  }\n}\n";
        ObjectMapper mapper = new ObjectMapper();
        String after = Fixtures.applyFix(Fixtures.source("k8s/pod.json", json, FileKind.KUBERNETES),
                "k8s/allow-privilege-escalation", "allowPrivilegeEscalation");
        JsonNode root = mapper.readTree(after);
        assertEquals(false, root.at("/spec/containers/0/securityContext/allowPrivilegeEscalation").booleanValue(), after);
        after = Fixtures.applyFix(Fixtures.source("k8s/pod.json", json, FileKind.KUBERNETES),
                "k8s/no-run-as-non-root", "safe defaults");
        root = mapper.readTree(after);
        assertEquals("ALL", root.at("/spec/containers/0/securityContext/capabilities/drop/0").textValue(), after);
        assertEquals("RuntimeDefault", root.at("/spec/containers/0/securityContext/seccompProfile/type").textValue());
        after = Fixtures.applyFix(Fixtures.source("k8s/pod.json", json, FileKind.KUBERNETES), "k8s/no-memory-limit", null);
        assertEquals("256Mi", mapper.readTree(after).at("/spec/containers/0/resources/limits/memory").textValue());
    }

    @Test
    void fixAllOnTheRealisticSetKeepsItValidAndAppliesOnlySafeFixes() {
        SourceFile src = Fixtures.load(Fixtures.fixturesDir().resolve(Path.of("kubernetes", "realistic", "api.yaml")));
        String fixed = Fixtures.fixAll(src);
        List<YNode> docs = reparse(fixed);
        assertEquals(4, docs.size());
        YNode api = docs.get(0).at("spec", "template", "spec", "containers").asSeq().items().get(0);
        assertEquals("false", api.at("securityContext", "allowPrivilegeEscalation").text());
        assertNotNull(api.at("resources", "requests", "cpu"));
        assertEquals(null, api.at("resources", "limits"), "the resources fix is manual: not applied by fix-all");
        assertEquals("autoscaling/v2", docs.get(3).at("apiVersion").text());
        for (Finding f : Fixtures.analyze(Fixtures.source(PATH, fixed, FileKind.KUBERNETES)).findings()) {
            for (Fix x : f.fixes()) {
                assertFalse(x.safe(), "safe fix left after fix-all: " + f);
            }
        }
    }
}

package io.archlens.rules.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Finding;
import io.archlens.filekind.FileKind;
import io.archlens.filekind.FileKindDetector;
import io.archlens.syntax.kubernetes.K8sFile;
import io.archlens.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Odd and hostile input: clear diagnostics, never an exception, always finishes. */
class KubernetesBadInputTest {
    private static final String DEPLOYMENT = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: shop\n"
            + "spec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: api\n  template:\n    metadata:\n      labels:\n"
            + "        app: api\n    spec:\n      containers:\n        - name: api\n          image: shop/api:latest\n";

    /** These tests count every finding of very large files: no per-file cap. */
    private static final io.archlens.config.Settings UNCAPPED = io.archlens.config.Settings.fromMap(
            java.util.Map.of("max-findings-per-file", 10_000_000));

    private static List<Finding> analyze(String path, String text) {
        return Fixtures.analyze(Fixtures.source(path, text, FileKind.KUBERNETES), UNCAPPED).findings();
    }

    private static long count(List<Finding> fs, String id) {
        return fs.stream().filter(f -> f.ruleId().equals(id)).count();
    }

    @Test
    void invalidYamlReportsAtTheParserPositionAndKeepsEarlierDocuments() {
        String text = DEPLOYMENT + "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: \"api\n  namespace: shop\n";
        List<Finding> fs = analyze("k8s/api.yaml", text);
        Finding err = Fixtures.single(fs, "archlens/syntax-error");
        assertTrue(err.message().startsWith("YAML: "), err.message());
        assertTrue(err.range().start() > DEPLOYMENT.length(), "points into the broken document");
        assertEquals(1, count(fs, "k8s/unpinned-image"), "the complete first document is still reviewed");
    }

    @Test
    void tabsUsedForIndentationAreExplained() {
        List<Finding> fs = analyze("k8s/api.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n\tname: api\n");
        Finding err = Fixtures.single(fs, "archlens/syntax-error");
        assertTrue(err.message().contains("TAB"), err.message());
        assertEquals("apiVersion: v1\nkind: Pod\nmetadata:\n".length(), err.range().start(), "at the tab");
    }

    @Test
    void unbalancedFlowCollectionsAndTruncatedInput() {
        List<Finding> fs = analyze("k8s/x.yaml", "apiVersion: v1\nkind: Pod\nspec: {containers: [{name: a, image: b:1}\n");
        assertEquals(1, count(fs, "archlens/syntax-error"));
        for (int cut = 1; cut < DEPLOYMENT.length(); cut += 7) {
            analyze("k8s/api.yaml", DEPLOYMENT.substring(0, cut)); // must not throw
        }
    }

    @Test
    void aliasBombIsReportedNotExpanded() {
        StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            sb.append("  ").append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                sb.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            sb.append("]\n");
            prev = c;
        }
        List<Finding> fs = analyze("k8s/bomb.yaml", sb.toString());
        Finding err = Fixtures.single(fs, "archlens/syntax-error");
        assertTrue(err.message().contains("alias"), err.message());
    }

    @Test
    void fiftyThousandLinesAreAnalysed() {
        StringBuilder sb = new StringBuilder();
        int docs = 0;
        long lines = 0;
        long perDoc = DEPLOYMENT.chars().filter(c -> c == '\n').count() + 1;
        while (lines < 50_000) {
            sb.append("---\n").append(DEPLOYMENT.replace("name: api\n  namespace", "name: api-" + docs + "\n  namespace"));
            docs++;
            lines += perDoc;
        }
        List<Finding> fs = analyze("k8s/huge.yaml", sb.toString());
        assertEquals(0, count(fs, "archlens/syntax-error"));
        assertEquals(docs, count(fs, "k8s/unpinned-image"));
        assertEquals(docs, count(fs, "k8s/single-replica"));
    }

    @Test
    void jsonManifestsAreDetectedAndReviewedWithExactPositions() {
        String json = "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"List\",\n  \"items\": [\n    {\n"
                + "      \"apiVersion\": \"apps/v1\", \"kind\": \"Deployment\",\n      \"metadata\": {\"name\": \"api\"},\n"
                + "      \"spec\": {\"replicas\": 1, \"selector\": {\"matchLabels\": {\"app\": \"api\"}},\n"
                + "        \"template\": {\"metadata\": {\"labels\": {\"app\": \"api\"}}, \"spec\": {\"containers\": [\n"
                + "\t\t{\"name\": \"api\", \"image\": \"shop/api:latest\"}]}}}\n    }\n  ]\n}\n";
        assertEquals(FileKind.KUBERNETES, FileKindDetector.detect("k8s/api.json", json));
        List<Finding> fs = analyze("k8s/api.json", json);
        assertEquals(0, count(fs, "archlens/syntax-error"));
        Finding img = Fixtures.single(fs, "k8s/unpinned-image");
        assertEquals("\"shop/api:latest\"", json.substring(img.range().start(), img.range().end()));
        Finding rep = Fixtures.single(fs, "k8s/single-replica");
        assertEquals("1", json.substring(rep.range().start(), rep.range().end()));
    }

    @Test
    void helmTemplatesGiveOneHintAndNoParseNoise() {
        String tpl = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n"
                + "  replicas: {{ .Values.replicas }}\n  template:\n    spec:\n      containers:\n"
                + "{{- range .Values.containers }}\n        - name: {{ .name }}\n{{- end }}\n";
        List<Finding> fs = analyze("charts/shop/templates/deploy.yaml", tpl);
        assertEquals(1, fs.size(), fs.toString());
        assertEquals("archlens/not-analyzed", fs.get(0).ruleId());
        assertTrue(fs.get(0).message().contains("Helm"));
        assertEquals("{{ .Release.Name }}", tpl.substring(fs.get(0).range().start(), fs.get(0).range().end()));
        // the same text elsewhere still parses badly: one hint, no syntax error
        fs = analyze("k8s/deploy.yaml", tpl);
        assertEquals(List.of("archlens/not-analyzed"), fs.stream().map(Finding::ruleId).toList());
        // braces inside a quoted value of a valid manifest are just text: reviewed normally
        fs = analyze("k8s/cm.yaml", DEPLOYMENT.replace("shop/api:latest", "\"{{ image }}\""));
        assertEquals(0, count(fs, "archlens/not-analyzed"));
        assertEquals(1, count(fs, "k8s/single-replica"));
    }

    @Test
    void emptyScalarAndForeignDocumentsAreIgnored() {
        for (String text : List.of("", "# only a comment\n", "---\n---\n", "just a scalar\n", "- a\n- b\n",
                "apiVersion: v1\n", "kind: Pod\n", "apiVersion: [x]\nkind: {y: z}\n", "apiVersion: v1\nkind: Pod\nspec: 3\n",
                "apiVersion: v1\nkind: Pod\nspec:\n  containers: nope\n")) {
            List<Finding> fs = analyze("k8s/odd.yaml", text);
            assertTrue(fs.stream().allMatch(f -> f.ruleId().startsWith("archlens/") || f.ruleId().startsWith("k8s/")), text);
            assertEquals(0, count(fs, "archlens/syntax-error"), text);
        }
        K8sFile model = (K8sFile) Fixtures.analyze(Fixtures.source("k8s/odd.yaml", "- a\n", FileKind.KUBERNETES)).model();
        assertTrue(model.objects().isEmpty());
    }
}

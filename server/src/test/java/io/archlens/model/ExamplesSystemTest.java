package io.archlens.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Finding;
import io.archlens.analysis.RuleBook;
import io.archlens.config.Settings;
import io.archlens.testing.Fixtures;
import io.archlens.workspace.BatchAnalyzer;
import io.archlens.workspace.FileWalker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cross-file story of examples/shop (nginx -> Spring API -> Postgres + Redis, in Compose and in Kubernetes):
 * the complete list of arch/ findings `archlens check examples/` reports, and the service graph docs/ shows.
 */
class ExamplesSystemTest {
    /** path:line rule — keep in step with examples/ (each entry is a real cross-file problem of the example). */
    static final List<String> EXPECTED = List.of(
            // the same database password in six places (Dockerfile ENV, Spring, Compose twice, Kubernetes twice):
            // each place already has its per-file literal-secret finding, which carries the other copies (see
            // duplicateSecretsJoinTheLiteralSecretFindings)
            // Kubernetes names the Redis Service redis-master; the application still says redis
            "examples/shop/api/src/main/resources/application.yml:14 arch/ddl-auto-with-migrations",
            "examples/shop/api/src/main/resources/application.yml:23 arch/unknown-datasource-host",
            // pool 40 (prod profile) x HPA maxReplicas 6 = 240 > postgres' default 100
            "examples/shop/api/src/main/resources/application.yml:76 arch/pool-exceeds-max-connections",
            // replicated Deployments and no stage declared: one info asking for it
            "examples/shop/k8s/api-deployment.yaml:5 arch/missing-context",
            // probes on 8081 although Spring serves the actuator on 8080 (no management.server.port)
            "examples/shop/k8s/api-deployment.yaml:42 arch/probe-path-not-exposed",
            "examples/shop/k8s/api-deployment.yaml:46 arch/probe-path-not-exposed",
            // nginx' upstream api:8080 is right in Compose but the Kubernetes Service api serves port 80
            "examples/shop/web/nginx.conf:35 arch/upstream-port-mismatch");

    static List<BatchAnalyzer.FileResult> run() throws Exception {
        Path repo = Fixtures.repoRoot();
        Path examples = repo.resolve("examples");
        List<Path> files = FileWalker.walk(examples, repo, Settings.DEFAULTS);
        return new BatchAnalyzer(RuleBook.loadDefault(), Settings.DEFAULTS, repo, (m, e) -> {
            throw new AssertionError(m, e);
        }).analyze(files);
    }

    @Test
    void theExampleWorkspaceHasExactlyTheseCrossFileFindings() throws Exception {
        List<String> actual = new ArrayList<>();
        StringBuilder messages = new StringBuilder();
        for (BatchAnalyzer.FileResult r : run()) {
            for (Finding f : r.findings()) {
                if (f.ruleId().startsWith("arch/")) {
                    int line = r.analysis().file().lines().lineOf(f.range().start()) + 1;
                    actual.add(r.displayPath() + ":" + line + " " + f.ruleId());
                    messages.append(r.displayPath()).append(':').append(line).append(' ').append(f.message()).append('\n');
                    if (!f.ruleId().equals("arch/missing-context")) {
                        assertFalse(f.related().isEmpty(), "relatedInformation for " + f.ruleId() + " at " + line);
                        assertTrue(f.related().stream().anyMatch(x -> !x.uri().equals(r.analysis().file().uri())),
                                "points at another file: " + f);
                    }
                }
            }
        }
        assertEquals(String.join("\n", EXPECTED), String.join("\n", actual), messages.toString());
    }

    /** One cause, one finding: the copies of the password are related locations of each literal-secret finding. */
    @Test
    void duplicateSecretsJoinTheLiteralSecretFindings() throws Exception {
        int withCopies = 0;
        for (BatchAnalyzer.FileResult r : run()) {
            for (Finding f : r.findings()) {
                assertFalse(f.ruleId().equals("arch/duplicate-secret"), r.displayPath() + ": " + f);
                if (f.ruleId().contains("secret") && f.related().stream().anyMatch(x -> x.message().contains("the same value"))) {
                    withCopies++;
                }
            }
        }
        assertEquals(6, withCopies);
    }

    @Test
    void theDocumentedGraphIsTheGraphOfTheExamples() throws Exception {
        Path repo = Fixtures.repoRoot();
        SystemIndex index = new SystemIndex(RuleBook.loadDefault(), SystemModel.FileProbe.DISK);
        io.archlens.workspace.WorkspaceIndexer.index(index, repo.resolve("examples"), repo, Settings.DEFAULTS,
                u -> false, () -> false, n -> { }, (m, e) -> { });
        String mermaid = SystemGraph.mermaid(SystemIndex.models(index.all(), Settings.DEFAULTS, SystemModel.FileProbe.NONE));
        String doc = java.nio.file.Files.readString(repo.resolve("docs/system-graph.md"));
        assertTrue(doc.contains("```mermaid\n" + mermaid + "```"), "docs/system-graph.md is stale; regenerate it with "
                + "`archlens graph examples`:\n" + mermaid);
        assertTrue(mermaid.contains("|\"http :8080\"|"), mermaid);
        assertTrue(mermaid.contains("[(\"db<br/>postgres · :5432\")]"), mermaid);
    }
}

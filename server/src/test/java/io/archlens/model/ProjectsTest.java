package io.archlens.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Finding;
import io.archlens.analysis.Related;
import io.archlens.analysis.RuleBook;
import io.archlens.config.Settings;
import io.archlens.testing.Fixtures;
import io.archlens.workspace.BatchAnalyzer;
import io.archlens.workspace.FileWalker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One project at a time: fixtures/system/monorepo holds seven independent sample apps side by side (three call
 * their services web/api/db, three deploy a Deployment and Service named web with the same labels, nginx in front
 * of four of them). No finding may join two apps, and each app checked alone must give what it gets checked
 * with the others.
 */
class ProjectsTest {
    static Path monorepo() {
        return Fixtures.systemFixturesDir().resolve("monorepo");
    }

    static List<Path> apps() throws Exception {
        try (Stream<Path> s = Files.list(monorepo())) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    /** Every finding as "file rule severity range -> related file:line...", with absolute URIs. */
    static Set<String> findings(Path root) {
        Set<String> out = new TreeSet<>();
        List<BatchAnalyzer.FileResult> results;
        try {
            results = new BatchAnalyzer(RuleBook.loadDefault(), Settings.DEFAULTS, root, (m, e) -> {
                throw new AssertionError(m, e);
            }).analyze(FileWalker.walk(root, root, Settings.DEFAULTS));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (BatchAnalyzer.FileResult r : results) {
            for (Finding f : r.findings()) {
                StringBuilder sb = new StringBuilder(r.path().toAbsolutePath().normalize().toUri().toString())
                        .append(' ').append(f.ruleId()).append(' ').append(f.severity()).append(' ').append(f.range());
                for (Related x : f.related()) {
                    sb.append(" -> ").append(x.uri()).append(':').append(x.start().line());
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    @Test
    void atLeastSixAppsEachTheirOwnProjects() throws Exception {
        List<Path> apps = apps();
        assertTrue(apps.size() >= 6, "apps: " + apps);
        SystemIndex index = new SystemIndex(RuleBook.loadDefault(), SystemModel.FileProbe.DISK);
        io.archlens.workspace.WorkspaceIndexer.index(index, monorepo(), monorepo(), Settings.DEFAULTS, u -> false,
                () -> false, n -> { }, (m, e) -> { });
        Set<String> appsWithProject = new TreeSet<>();
        for (Projects.Project p : Projects.of(index.all())) {
            Set<String> tops = new TreeSet<>();
            for (FileFacts f : p.files()) {
                tops.add(f.path().substring(0, f.path().indexOf('/')));
            }
            assertEquals(1, tops.size(), p.id() + " spans apps: " + tops);
            if (!p.id().startsWith("file:")) {
                appsWithProject.addAll(tops);
            }
        }
        for (Path app : apps) {
            assertTrue(appsWithProject.contains(app.getFileName().toString()), app + " is no project");
        }
    }

    @Test
    void noFindingJoinsTwoApps() throws Exception {
        Set<String> all = findings(monorepo());
        assertFalse(all.isEmpty());
        for (String f : all) {
            String file = f.substring(0, f.indexOf(' '));
            String app = file.substring(0, file.indexOf('/', monorepo().toUri().toString().length()) + 1);
            String[] parts = f.split(" -> ");
            for (int i = 1; i < parts.length; i++) {
                assertTrue(parts[i].startsWith(app), "finding joins two apps: " + f);
            }
        }
        // what the old single model reported across apps: nginx of blog judged inside status, the shared password
        assertFalse(all.stream().anyMatch(f -> f.contains("status/") && f.contains("arch/")), String.join("\n", all));
        assertFalse(all.stream().anyMatch(f -> f.contains("arch/duplicate-secret")), String.join("\n", all));
    }

    @Test
    void eachAppAloneGivesWhatItGetsAmongTheOthers() throws Exception {
        Set<String> together = findings(monorepo());
        Set<String> alone = new TreeSet<>();
        for (Path app : apps()) {
            alone.addAll(findings(app));
        }
        assertEquals(String.join("\n", together), String.join("\n", alone));
    }

    @Test
    void plainManifestsGroupByFolderTree() {
        Set<String> dirs = Set.of("k8s/api", "k8s/db", "shop/k8s", "deploy", "deploy/db", "apps/a", "apps/b");
        assertEquals("k8s", Projects.plainRoot("k8s/api", dirs));
        assertEquals("k8s", Projects.plainRoot("k8s/db", dirs));
        assertEquals("shop/k8s", Projects.plainRoot("shop/k8s", dirs));
        assertEquals("deploy", Projects.plainRoot("deploy/db", dirs));
        assertEquals("apps/a", Projects.plainRoot("apps/a", dirs));
        assertEquals("apps/b", Projects.plainRoot("apps/b", dirs));
        Set<String> nested = Set.of("deploy/webapp/frontend", "deploy/webapp/backend", "apps/web/front");
        assertEquals("deploy", Projects.plainRoot("deploy/webapp/frontend", nested), "an app's folders under deploy/");
        assertEquals("deploy", Projects.plainRoot("deploy/webapp/backend", nested));
        assertEquals("apps/web/front", Projects.plainRoot("apps/web/front", nested), "not under a deployment folder");
        assertEquals("shop", Projects.area("shop/k8s"));
        assertEquals("", Projects.area("k8s/overlays"));
        assertEquals("charts/web", Projects.chartOf("charts/web/templates/deployment.yaml"));
        assertEquals("", Projects.chartOf("templates/service.yaml"));
        assertEquals(null, Projects.chartOf("k8s/web.yaml"));
    }

    @Test
    void alternativeRenderingsOfOneAppAreSeparateProjects(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String deployment = Workspaces.deployment("web", "example/web:1.0.0", "ports:\n  - containerPort: 8080\n");
        Workspaces.write(dir, "kubernetes-manifests/web.yaml", deployment);
        Workspaces.write(dir, "release/all.yaml", deployment);
        Workspaces.write(dir, "kustomize/base/web.yaml", deployment);
        Workspaces.write(dir, "kustomize/base/kustomization.yaml", "resources:\n  - web.yaml\n");
        Workspaces.write(dir, "helm/web/templates/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\n"
                + "metadata:\n  name: {{ .Release.Name }}\n");
        BatchAnalyzer b = new BatchAnalyzer(RuleBook.loadDefault(), Settings.DEFAULTS, dir, (m, e) -> { });
        b.analyze(FileWalker.walk(dir, dir, Settings.DEFAULTS));
        List<String> projects = new ArrayList<>();
        for (SystemModel m : b.lastCrossFile().projects()) {
            projects.add(m.project() + " " + m.nodes().size());
        }
        assertEquals(List.of("Helm chart 'helm/web' 0", "kustomization in 'kustomize/base' 1",
                "Kubernetes manifests in 'kubernetes-manifests' 1", "Kubernetes manifests in 'release' 1"), projects);
        String mermaid = SystemGraph.mermaid(b.lastCrossFile().projects());
        assertEquals(3, mermaid.split("Deployment web", -1).length - 1, mermaid);
        assertTrue(mermaid.contains("subgraph p2[\"Kubernetes manifests in 'release'\"]"), mermaid);
    }

    /**
     * api/ is built by the Compose project and run by the Kubernetes manifests (a folder named like the image): its
     * Spring file is in both projects, and its wrong Redis host is one finding that names both contexts.
     */
    @Test
    void oneFactReadInTwoProjectsIsOneFinding(@org.junit.jupiter.api.io.TempDir Path dir) {
        Workspaces.write(dir, "docker-compose.yml", "services:\n  api:\n    build: ./api\n  cache:\n    image: redis:7.2\n");
        Workspaces.write(dir, "api/Dockerfile", "FROM eclipse-temurin:21-jre\n");
        Workspaces.write(dir, "api/src/main/resources/application.yml", "spring:\n  data:\n    redis:\n"
                + "      host: redis\n");
        Workspaces.write(dir, "k8s/api.yaml", Workspaces.deployment("api", "registry.example.com/shop/api:1.0.0", "")
                + """
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: cache
                spec:
                  selector: {app: api}
                  ports:
                    - port: 6379
                """);
        Workspaces.write(dir, "api/src/main/java/shop/App.java", "package shop;\nclass App {}\n");
        BatchAnalyzer b = new BatchAnalyzer(RuleBook.loadDefault(), Settings.DEFAULTS, dir, (m, e) -> { });
        try {
            b.analyze(FileWalker.walk(dir, dir, Settings.DEFAULTS));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // a source file under a build context belongs to the project that builds it (its code facts join the model)
        String java = dir.resolve("api/src/main/java/shop/App.java").toUri().toString();
        assertTrue(b.lastCrossFile().model(java).nodes().stream().anyMatch(n -> n.name().equals("api")));
        assertTrue(b.lastCrossFile().around(java).nodes().stream().anyMatch(n -> n.name().equals("api")));
        List<Finding> fs = Workspaces.check(dir, Settings.DEFAULTS).get("api/src/main/resources/application.yml");
        List<Finding> host = fs.stream().filter(f -> f.ruleId().equals("arch/unknown-datasource-host")).toList();
        assertEquals(1, host.size(), fs.toString());
        String related = host.get(0).related().toString();
        assertTrue(related.contains("Compose service 'api'") && related.contains("Deployment 'api'"), related);
        assertTrue(related.contains("also: "), related);
    }

    /** An overlay that adds an autoscaler to its base is one project with it: the HPA scales the base's Deployment. */
    @Test
    void aKustomizeOverlayWithManifestsOfItsOwnIsOneProjectWithItsBase(@org.junit.jupiter.api.io.TempDir Path dir) {
        Workspaces.write(dir, "k8s/base/kustomization.yaml", "resources:\n  - web.yaml\n");
        Workspaces.write(dir, "k8s/base/web.yaml", Workspaces.deployment("web", "example/web:1.0.0",
                "resources:\n  requests: {cpu: 100m}\n"));

        Workspaces.write(dir, "k8s/overlays/prod/kustomization.yaml", "resources:\n  - ../../base\n  - hpa.yaml\n");
        Workspaces.write(dir, "k8s/overlays/prod/hpa.yaml", """
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: web
                spec:
                  scaleTargetRef:
                    apiVersion: apps/v1
                    kind: Deployment
                    name: web
                  minReplicas: 2
                  maxReplicas: 5
                """);
        BatchAnalyzer b = new BatchAnalyzer(RuleBook.loadDefault(), Settings.DEFAULTS, dir, (m, e) -> { });
        try {
            b.analyze(FileWalker.walk(dir, dir, Settings.DEFAULTS));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<SystemModel> projects = b.lastCrossFile().projects();
        assertEquals(List.of("kustomization in 'k8s/overlays/prod'"), projects.stream().map(SystemModel::project).toList());
        SystemModel m = projects.get(0);
        assertEquals(1, m.nodes().size());
        assertEquals(5, m.nodes().get(0).replicas().count());
    }

    /** An edit re-runs the rules of its own project only: the other projects keep their models. */
    @Test
    void anEditRebuildsOnlyItsOwnProject() throws Exception {
        SystemIndex index = new SystemIndex(RuleBook.loadDefault(), SystemModel.FileProbe.DISK);
        io.archlens.workspace.WorkspaceIndexer.index(index, monorepo(), monorepo(), Settings.DEFAULTS, u -> false,
                () -> false, n -> { }, (m, e) -> { });
        CrossFileAnalysis.Result before = index.analyze(Settings.DEFAULTS, (m, e) -> { });
        FileFacts conf = before.projects().stream().flatMap(m -> m.files().stream())
                .filter(f -> f.path().equals("blog/nginx/default.conf")).findFirst().orElseThrow();
        index.update(new io.archlens.analysis.SourceFile(conf.uri(), conf.path(), conf.file().text()
                .replace("assets:9000", "api:8000"), conf.kind(), 2), null, (m, e) -> { });
        CrossFileAnalysis.Result after = index.analyze(Settings.DEFAULTS, (m, e) -> { });
        assertEquals(before.projects().size(), after.projects().size());
        int rebuilt = 0;
        for (int i = 0; i < after.projects().size(); i++) {
            if (after.projects().get(i) != before.projects().get(i)) {
                rebuilt++;
                assertEquals("Compose project 'blog'", after.projects().get(i).project());
            }
        }
        assertEquals(1, rebuilt);
        assertTrue(before.findings(conf.uri()).stream().anyMatch(f -> f.ruleId().equals("arch/unknown-proxy-host")));
        assertTrue(after.findings(conf.uri()).stream().noneMatch(f -> f.ruleId().equals("arch/unknown-proxy-host")));
    }

    /** Compose {@code include:} is a reference: the included services are names of the including project. */
    @Test
    void composeIncludeJoinsTheIncludedServices(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Workspaces.write(dir, "docker-compose.yml", "include:\n  - db/compose.yaml\nservices:\n  api:\n    build: ./api\n"
                + "    depends_on: [db]\n");
        Workspaces.write(dir, "db/compose.yaml", "services:\n  db:\n    image: postgres:16.2\n");
        Workspaces.write(dir, "api/Dockerfile", "FROM eclipse-temurin:21-jre\n");
        Workspaces.write(dir, "api/src/main/resources/application.yml", "spring:\n  datasource:\n"
                + "    url: jdbc:postgresql://db:5432/shop\n");
        Map<String, List<Finding>> all = Workspaces.check(dir, Settings.DEFAULTS);
        assertEquals(List.of(), Workspaces.ids(all.get("api/src/main/resources/application.yml"), "arch/"));
        assertEquals(List.of("arch/database-without-healthcheck"), Workspaces.ids(all.get("docker-compose.yml"), "arch/"));
        SystemIndex index = new SystemIndex(RuleBook.loadDefault(), SystemModel.FileProbe.DISK);
        io.archlens.workspace.WorkspaceIndexer.index(index, dir, dir, Settings.DEFAULTS, u -> false, () -> false,
                n -> { }, (m, e) -> { });
        List<String> ids = Projects.of(index.all()).stream().map(Projects.Project::id).toList();
        assertEquals(List.of("compose:"), ids.stream().filter(i -> i.startsWith("compose:")).toList());
    }
}

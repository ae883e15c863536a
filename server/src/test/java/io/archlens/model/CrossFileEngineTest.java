package io.archlens.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Finding;
import io.archlens.analysis.Related;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.RuleDocs;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.analysis.SourceFile;
import io.archlens.config.ConfigLoader;
import io.archlens.config.Settings;
import io.archlens.filekind.FileKind;
import io.archlens.workspace.WorkspaceIndexer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project-rule engine: registration, relatedInformation, settings, suppressions, incremental updates. */
class CrossFileEngineTest {
    @TempDir
    Path root;

    @Test
    void projectRulesAreRegisteredWithDocsAndTheEngineRule() {
        RuleBook book = RuleBook.loadDefault();
        assertTrue(book.projectRules().size() >= 12, "at least 12 cross-file rules: " + book.projectRules().size());
        for (ProjectRule r : book.projectRules()) {
            RuleMeta m = r.meta();
            assertTrue(m.id().startsWith("arch/"), m.id());
            assertTrue(book.rule(m.id()).isPresent(), "listed by `archlens rules`: " + m.id());
            assertTrue(RuleDocs.page(m.id()).orElse("").startsWith("# " + m.id() + " — "), "doc page of " + m.id());
        }
        assertTrue(book.rule("arch/missing-context").isPresent());
    }

    @Test
    void findingsCarryRelatedLocationsInTheOtherFile() {
        Workspaces.portMismatch(root);
        Map<String, List<Finding>> all = Workspaces.check(root, Settings.DEFAULTS);
        Finding f = all.get("docker-compose.yml").stream().filter(x -> x.ruleId().equals("arch/port-mismatch"))
                .findFirst().orElseThrow();
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.message().contains("8081") && f.message().contains("8080"), f.message());
        Related r = f.related().get(0);
        assertTrue(r.uri().endsWith("api/src/main/resources/application.yml"), r.uri());
        assertEquals(1, r.start().line());
        assertEquals(8, r.start().character());
        // the quick fix rewrites the container port
        assertEquals("8080", f.fixes().get(0).edits().get(0).newText());
    }

    @Test
    void settingsTurnCrossFileRulesOffOrChangeTheirSeverity() {
        Workspaces.portMismatch(root);
        Settings off = ConfigLoader.parse("rules:\n  arch/port-mismatch: off\n");
        assertEquals(List.of(), Workspaces.ids(Workspaces.check(root, off).get("docker-compose.yml"), "arch/"));
        Settings warn = ConfigLoader.parse("rules:\n  arch/*: hint\n");
        List<Finding> fs = Workspaces.check(root, warn).get("docker-compose.yml");
        assertTrue(fs.stream().anyMatch(f -> f.ruleId().equals("arch/port-mismatch") && f.severity() == Severity.HINT));
    }

    @Test
    void suppressionCommentsApplyToCrossFileFindingsAndUnusedOnesAreReportedOnce() {
        Workspaces.portMismatch(root);
        Workspaces.write(root, "docker-compose.yml", """
                services:
                  api:
                    build: ./api
                    ports:
                      # archlens-ignore arch/port-mismatch -- the sidecar maps it
                      - "8081:8081"
                    # archlens-ignore arch/duplicate-secret
                    image: registry.example.com/shop/api:1.0.0
                """);
        List<Finding> fs = Workspaces.check(root, Settings.DEFAULTS).get("docker-compose.yml");
        assertEquals(List.of(), Workspaces.ids(fs, "arch/"), fs.toString());
        // the used one is silent; the unused one is reported once (by the cross-file pass, not the per-file one)
        List<Finding> unused = fs.stream().filter(f -> f.ruleId().equals("archlens/unused-suppression")).toList();
        assertEquals(1, unused.size(), fs.toString());
        assertTrue(unused.get(0).message().contains("arch/duplicate-secret"));
    }

    @Test
    void anUpdateReExtractsOneFileAndGivesTheSameResultAsAFullRebuild() throws Exception {
        Workspaces.portMismatch(root);
        for (int i = 0; i < 20; i++) {
            Workspaces.write(root, "svc" + i + "/docker-compose.yml", "services:\n  s" + i + ":\n    image: nginx:1.27\n");
        }
        RuleBook book = RuleBook.loadDefault();
        SystemIndex index = new SystemIndex(book, SystemModel.FileProbe.DISK);
        WorkspaceIndexer.Stats stats = WorkspaceIndexer.index(index, root, root, Settings.DEFAULTS, u -> false,
                () -> false, n -> { }, (m, e) -> { });
        assertEquals(23, stats.indexed());
        CrossFileAnalysis.Result before = index.analyze(Settings.DEFAULTS, (m, e) -> { });
        String composeUri = root.resolve("docker-compose.yml").toUri().toString();
        assertEquals(1, Workspaces.ids(before.findings(composeUri), "arch/port-mismatch").size());
        FileFacts untouched = index.get(root.resolve("svc3/docker-compose.yml").toUri().toString());

        // the editor changes server.port in the open application.yml: only that file is re-read
        Path app = root.resolve("api/src/main/resources/application.yml");
        SourceFile edited = new SourceFile(app.toUri().toString(), "api/src/main/resources/application.yml",
                "server:\n  port: 8081\n", FileKind.SPRING_YAML, 2);
        index.update(edited, null, (m, e) -> { });
        CrossFileAnalysis.Result after = index.analyze(Settings.DEFAULTS, (m, e) -> { });
        assertEquals(List.of(), after.findings(composeUri));
        assertTrue(untouched == index.get(untouched.uri()), "other files' facts are reused, not re-extracted");

        // the same as indexing everything from scratch with the new text
        Files.writeString(app, "server:\n  port: 8081\n");
        SystemIndex fresh = new SystemIndex(book, SystemModel.FileProbe.DISK);
        WorkspaceIndexer.index(fresh, root, root, Settings.DEFAULTS, u -> false, () -> false, n -> { }, (m, e) -> { });
        assertEquals(fresh.analyze(Settings.DEFAULTS, (m, e) -> { }).byUri(), after.byUri());
    }

    @Test
    void missingContextIsOneInfoFindingListingTheQuestions() {
        Workspaces.write(root, "k8s/api.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: api
                spec:
                  replicas: 3
                  template:
                    metadata:
                      labels: {app: api}
                    spec:
                      containers:
                        - name: api
                          image: api:1.0.0
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: worker
                spec:
                  replicas: 2
                  template:
                    metadata:
                      labels: {app: worker}
                    spec:
                      containers:
                        - name: worker
                          image: worker:1.0.0
                """);
        List<Finding> fs = Workspaces.check(root, Settings.DEFAULTS).get("k8s/api.yaml");
        List<Finding> mc = fs.stream().filter(f -> f.ruleId().equals("arch/missing-context")).toList();
        assertEquals(1, mc.size(), fs.toString());
        assertEquals(Severity.INFO, mc.get(0).severity());
        assertTrue(mc.get(0).message().contains("stage (for arch/missing-pdb)"), mc.get(0).message());
        // with the stage declared, the HA rule decides instead
        Settings prod = ConfigLoader.parse("context:\n  stage: production\n");
        List<Finding> p = Workspaces.check(root, prod).get("k8s/api.yaml");
        assertEquals(List.of("arch/missing-pdb", "arch/missing-pdb"), Workspaces.ids(p, "arch/"));
        Settings dev = ConfigLoader.parse("context:\n  stage: dev\n");
        assertEquals(List.of(), Workspaces.ids(Workspaces.check(root, dev).get("k8s/api.yaml"), "arch/"));
    }

    @Test
    void contextTemplateIsValidYamlWithTheQuestionsCommented() {
        String t = ContextTemplate.newFile(java.util.Set.of("stage", "replicas"), "\n");
        Settings s = ConfigLoader.parse(t);
        assertNotNull(s);
        assertEquals(null, s.context().stage());
        assertTrue(t.indexOf("# stage:") < t.indexOf("# requests-per-second:"), t);
        String uncommented = t.replace("  # stage: production", "  stage: production");
        assertEquals("production", ConfigLoader.parse(uncommented).context().stage());
        assertEquals(null, ConfigLoader.parse("context:\n  stage:\n  replicas: 2\n").context().stage());
        String appended = "rules: {}\n" + ContextTemplate.append(java.util.Set.of("stage"), false, "\n");
        assertFalse(ConfigLoader.parse(appended).context().stageKnown());
    }
}

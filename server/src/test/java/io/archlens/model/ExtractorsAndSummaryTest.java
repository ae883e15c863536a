package io.archlens.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.agent.definition.AgentDefinitions;
import io.archlens.agent.prompt.AgentPrompt;
import io.archlens.agent.prompt.PromptBuilder;
import io.archlens.agent.redact.Redactor;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.SourceFile;
import io.archlens.config.ConfigLoader;
import io.archlens.config.Settings;
import io.archlens.filekind.FileKind;
import io.archlens.model.Facts.Port;
import io.archlens.model.Facts.Workload;
import io.archlens.testing.Fixtures;
import io.archlens.workspace.WorkspaceIndexer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Facts read from each kind, and the text views (connections hover, the agent's summary). */
class ExtractorsAndSummaryTest {
    @TempDir
    Path root;

    private static FileFacts facts(String path, String text) {
        SourceFile f = Fixtures.source(path, text);
        return SystemIndex.extract(RuleBook.loadDefault(), f, null, (m, e) -> {
            throw new AssertionError(m, e);
        });
    }

    private static String text(FileFacts f, Loc l) {
        return f.file().slice(l.range());
    }

    @Test
    void composePortsInEverySyntaxPointAtTheContainerPort() {
        FileFacts f = facts("docker-compose.yml", """
                services:
                  api:
                    image: api:1.0.0
                    ports:
                      - "8081:8080"
                      - 127.0.0.1:9000:9001/tcp
                      - 5005
                      - target: 7000
                        published: 17000
                      - "${PORT}:80"
                    expose: ["8443"]
                """);
        Workload w = f.workloads().get(0);
        List<Port> ports = w.containers().get(0).ports();
        assertEquals(List.of(8080, 9001, 5005, 7000), ports.stream().map(Port::port).toList());
        for (Port p : ports) {
            assertEquals(String.valueOf(p.port()), text(f, p.loc()));
        }
        assertEquals(8443, w.containers().get(0).expose().get(0).port());
        assertEquals(List.of("PORT"), f.varUses().stream().map(Facts.VarUse::name).toList());
    }

    @Test
    void composeVariablesKnowDefaultsAndEscapes() {
        FileFacts f = facts("docker-compose.yml", """
                services:
                  api:
                    image: "api:${TAG:-1.0}"
                    command: sh -c 'echo $$HOME $NAME'
                    environment:
                      - A=${REQUIRED:?set it}
                      - B=${PLAIN}
                """);
        List<String> uses = f.varUses().stream().map(v -> v.name() + (v.hasDefault() ? "+" : "")).toList();
        assertEquals(List.of("TAG+", "NAME", "REQUIRED+", "PLAIN"), uses);
        assertEquals("${PLAIN}", text(f, f.varUses().get(3).loc()));
    }

    @Test
    void kubernetesListsAndNamedPortsAndProbes() {
        FileFacts f = facts("k8s/all.yaml", """
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: api}
                    spec:
                      template:
                        metadata: {labels: {app: api}}
                        spec:
                          containers:
                            - name: api
                              image: api:1
                              ports: [{name: http, containerPort: 8080}]
                              envFrom: [{configMapRef: {name: api-config}}]
                              readinessProbe: {httpGet: {path: /ready, port: http}}
                  - apiVersion: v1
                    kind: Service
                    metadata: {name: api}
                    spec:
                      selector: {app: api}
                      ports: [{port: 80, targetPort: http}]
                """);
        Workload w = f.workloads().get(0);
        assertEquals("default", w.scope());
        assertEquals(1, w.replicas());
        assertEquals("http", w.containers().get(0).ports().get(0).name());
        assertEquals("api-config", w.containers().get(0).refs().get(0).name());
        assertEquals("http", w.containers().get(0).probes().get(0).portName());
        assertEquals("http", f.services().get(0).ports().get(0).targetName());
    }

    @Test
    void nginxListenUpstreamsAndProxyHostsWithExactRanges() {
        FileFacts f = facts("nginx/site.conf", """
                upstream backend { server api:8080 weight=2; server 10.0.0.5:8080; }
                server {
                  listen [::]:8443 ssl;
                  listen 127.0.0.1:80;
                  location / { proxy_pass http://backend; }
                  location /x { proxy_pass https://payments.example.com/v1; }
                  location /g { grpc_pass grpc://grpc-svc:50051; }
                }
                """);
        assertEquals(List.of(8443, 80), f.proxy().listens().stream().map(Port::port).toList());
        assertEquals("8443", text(f, f.proxy().listens().get(0).loc()));
        Facts.HostRef s = f.proxy().upstream("backend").servers().get(0);
        assertEquals("api", text(f, s.hostLoc()));
        assertEquals("8080", text(f, s.portLoc()));
        assertEquals(List.of("backend", "payments.example.com", "grpc-svc"),
                f.proxy().proxyPasses().stream().map(Facts.HostRef::host).toList());
    }

    @Test
    void springReadsProfilesAndKeepsNoSecretValues() {
        FileFacts f = facts("api/src/main/resources/application.yml", """
                spring:
                  datasource:
                    url: jdbc:postgresql://db:5432/shop
                    password: Sup3r-Secret-Value
                ---
                spring:
                  config:
                    activate:
                      on-profile: dev
                  datasource:
                    url: jdbc:postgresql://localhost:5432/shop
                """);
        assertEquals("jdbc:postgresql://db:5432/shop", f.app().get("spring.datasource.url").value());
        assertFalse(f.app().devOnly());
        assertEquals(1, f.secrets().size());
        assertFalse(f.secrets().get(0).fingerprint().contains("Sup3r"));
        FileFacts dev = facts("api/src/main/resources/application-dev.yml", "server:\n  port: 9000\n");
        assertTrue(dev.app().devOnly());
    }

    @Test
    void theAgentGetsACompactSummaryOfTheSystemAroundTheFile() throws Exception {
        Workspaces.portMismatch(root);
        Workspaces.write(root, "docker-compose.yml", """
                services:
                  api:
                    build: ./api
                    ports:
                      - "8080:8080"
                    environment:
                      SPRING_DATASOURCE_PASSWORD: Sup3r-Secret-Value
                    depends_on: [db]
                  db:
                    image: postgres:16.2
                """);
        Workspaces.write(root, "api/src/main/resources/application.yml",
                "server:\n  port: 8080\nspring:\n  datasource:\n    url: jdbc:postgresql://db:5432/shop\n");
        SystemIndex index = new SystemIndex(RuleBook.loadDefault(), SystemModel.FileProbe.DISK);
        WorkspaceIndexer.index(index, root, root, Settings.DEFAULTS, u -> false, () -> false, n -> { }, (m, e) -> { });
        Settings s = ConfigLoader.parse("context:\n  stage: production\n  replicas: 3\n");
        CrossFileAnalysis.Result r = index.analyze(s, (m, e) -> { });
        String appUri = root.resolve("api/src/main/resources/application.yml").toUri().toString();
        String summary = SystemSummary.forAgent(r.model(appUri), appUri, r.findings(appUri), 4000);
        assertTrue(summary.startsWith("Project context: stage=production, replicas=3\n"), summary);
        assertTrue(summary.contains("This file: Compose service 'api'"), summary);
        assertTrue(summary.contains("Listens on: 8080 (server.port)"), summary);
        assertTrue(summary.contains("Calls: db (depends_on), db (database :5432)"), summary);
        assertTrue(summary.contains("Replicas: 3 (replicas declared in .archlens.yml)"), summary);
        assertTrue(summary.contains("postgres data store; Listens on: 5432 (the usual port of postgres); Replicas: 1;"), summary);
        assertTrue(summary.contains("Related: Compose service 'db'"), summary);
        assertFalse(summary.contains("Sup3r"), "no secret values: " + summary);
        assertTrue(SystemSummary.forAgent(r.model(appUri), appUri, List.of(), 60).endsWith("[truncated]\n"));

        // the prompt carries it, after the context and before the file
        SourceFile app = new SourceFile(appUri, "api/src/main/resources/application.yml",
                "server:\n  port: 8080\n", FileKind.SPRING_YAML, 1);
        var def = AgentDefinitions.load(null).get(AgentDefinitions.DEFAULT_AGENT).orElseThrow();
        AgentPrompt p = new PromptBuilder(() -> "0123456789abcdef01234567").build(def, app, Redactor.redact(app),
                s.context(), List.of(), summary);
        assertTrue(p.user().contains("The system around this file"), p.user());
        assertTrue(p.user().indexOf("Calls: db") < p.user().indexOf("<<<FILE-"), p.user());
        AgentPrompt without = new PromptBuilder(() -> "0123456789abcdef01234567").build(def, app,
                Redactor.redact(app), s.context(), List.of());
        assertFalse(without.user().contains("The system around this file"));
    }
}

package io.archlens.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.RuleBook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.eclipse.lsp4j.*;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cross-file model over real JSON-RPC: indexing, diagnostics across files, hover, links, definition. */
class SystemLspTest {
    @TempDir
    Path root;
    private LspHarness h;
    private static final String DATASOURCE = "spring:\n  datasource:\n    url: jdbc:postgresql://db:5432/shop\n";
    private String composeUri;
    private String appUri;
    private String nginxUri;

    @BeforeEach
    void start() throws Exception {
        h = new LspHarness(RuleBook.loadDefault());
        write("docker-compose.yml", """
                services:
                  web:
                    build: ./web
                    ports:
                      - "80:80"
                  api:
                    build: ./api
                    ports:
                      - "8081:8081"
                    env_file: ./api/app.env
                  db:
                    image: postgres:16.2
                """);
        write("api/app.env", "LOG_LEVEL=info\n");
        write("k8s/api.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: worker\nspec:\n  template:\n"
                + "    spec:\n      containers:\n        - name: worker\n          image: worker:1.0.0\n"
                + "          envFrom:\n            - configMapRef:\n                name: worker-config\n---\n"
                + "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: worker-config\ndata:\n  A: b\n");
        write("api/Dockerfile", "FROM eclipse-temurin:21-jre\nCMD [\"java\", \"-jar\", \"/app.jar\"]\n");
        write("api/src/main/resources/application.yml", "server:\n  port: 8080\n" + DATASOURCE);
        write("web/Dockerfile", "FROM nginx:1.27\nCOPY nginx.conf /etc/nginx/nginx.conf\n");
        write("web/nginx.conf", "events {}\nhttp {\n  server {\n    listen 80;\n    location / {\n"
                + "      proxy_pass http://api:8080;\n    }\n  }\n}\n");
        write("node_modules/x/docker-compose.yml", "services:\n  ghost:\n    image: nginx:1.27\n");
        composeUri = uri("docker-compose.yml");
        appUri = uri("api/src/main/resources/application.yml");
        nginxUri = uri("web/nginx.conf");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private void write(String rel, String text) throws Exception {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private String uri(String rel) {
        return root.resolve(rel).toUri().toString();
    }

    private static ClientCapabilities caps(boolean pull) {
        ClientCapabilities c = LspHarness.capabilities(pull, true);
        WindowClientCapabilities w = new WindowClientCapabilities();
        w.setWorkDoneProgress(true);
        c.setWindow(w);
        c.getWorkspace().setDiagnostics(new DiagnosticWorkspaceCapabilities(true));
        c.getWorkspace().setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(true));
        WorkspaceEditCapabilities we = c.getWorkspace().getWorkspaceEdit();
        we.setResourceOperations(List.of(ResourceOperationKind.Create));
        return c;
    }

    private static String dump() {
        StringBuilder sb = new StringBuilder("\nTHREADS\n");
        Thread.getAllStackTraces().forEach((t, st) -> {
            if (st.length > 0 && !t.getName().startsWith("surefire")) {
                sb.append(t.getName()).append(' ').append(t.getState()).append('\n');
                for (StackTraceElement e : st) {
                    sb.append("    ").append(e).append('\n');
                }
            }
        });
        return sb.toString();
    }

    private static boolean has(PublishDiagnosticsParams p, String rule) {
        return p.getDiagnostics().stream().anyMatch(d -> rule.equals(d.getCode().getLeft()));
    }

    private static void await(BooleanSupplier cond, String what) throws InterruptedException {
        LspHarness.await(cond, what, 10);
    }

    @Test
    void fixingAPortInOneFileClearsTheDiagnosticInAnotherThatIsNotOpen() throws Exception {
        h.initialize(root.toUri().toString(), caps(false), null);
        // indexing publishes cross-file findings for files that are not open (push mode)
        PublishDiagnosticsParams p = h.awaitDiagnostics(composeUri, x -> has(x, "arch/port-mismatch"));
        Diagnostic d = p.getDiagnostics().stream().filter(x -> "arch/port-mismatch".equals(x.getCode().getLeft()))
                .findFirst().orElseThrow();
        assertEquals(new Position(8, 14), d.getRange().getStart());
        assertEquals(appUri, d.getRelatedInformation().get(0).getLocation().getUri());
        assertEquals(1, d.getRelatedInformation().get(0).getLocation().getRange().getStart().getLine());
        assertFalse(h.client.lastDiagnostics.containsKey(uri("node_modules/x/docker-compose.yml")),
                "vendored folders are not indexed");
        // progress was reported, since the client supports it
        assertTrue(h.client.progress.stream().anyMatch(o -> o instanceof WorkDoneProgressCreateParams));

        // the user edits server.port in application.yml (not saved): the compose file's diagnostic goes away
        h.open(appUri, "server:\n  port: 8080\n" + DATASOURCE);
        h.change(appUri, 2, new Range(new Position(1, 8), new Position(1, 12)), "8081");
        h.awaitDiagnostics(composeUri, x -> !has(x, "arch/port-mismatch"));
        // and comes back when the edit is undone
        h.change(appUri, 3, new Range(new Position(1, 8), new Position(1, 12)), "8080");
        h.awaitDiagnostics(composeUri, x -> has(x, "arch/port-mismatch"));
    }

    @Test
    void openDocumentsGetTheirCrossFileFindingsInTheSamePublishAsTheirOwn() throws Exception {
        h.initialize(root.toUri().toString(), caps(false), null);
        h.awaitDiagnostics(composeUri, x -> has(x, "arch/port-mismatch"));
        h.open(composeUri, Files.readString(root.resolve("docker-compose.yml")));
        PublishDiagnosticsParams p = h.awaitDiagnostics(composeUri, x -> x.getVersion() != null && x.getVersion() == 1
                && has(x, "arch/port-mismatch"));
        assertTrue(p.getDiagnostics().stream().anyMatch(x -> x.getCode().getLeft().startsWith("compose/")),
                "per-file findings too: " + p.getDiagnostics());
        // editing the port in the compose file itself clears it in the same document
        h.change(composeUri, 2, new Range(new Position(8, 9), new Position(8, 18)), "8080:8080");
        h.awaitDiagnostics(composeUri, x -> x.getVersion() != null && x.getVersion() == 2 && !has(x, "arch/port-mismatch"));
        // closing it: the disk text (with the mismatch) counts again, published without a version
        h.server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(composeUri)));
        h.awaitDiagnostics(composeUri, x -> x.getVersion() == null && has(x, "arch/port-mismatch"));
    }

    @Test
    void pullClientsAreAskedToRefreshWhenAnotherFileChangesTheirFindings() throws Exception {
        h.initialize(root.toUri().toString(), caps(true), null);
        h.open(composeUri, Files.readString(root.resolve("docker-compose.yml")));
        h.open(appUri, "server:\n  port: 8080\n" + DATASOURCE);
        var tds = h.server.getTextDocumentService();
        await(() -> pull(tds, composeUri).contains("arch/port-mismatch"), "the cross-file finding in the pull report");
        int refreshes = h.client.refreshes;
        h.change(appUri, 2, new Range(new Position(1, 8), new Position(1, 12)), "8081");
        await(() -> h.client.refreshes > refreshes, "workspace/diagnostic/refresh");
        await(() -> !pull(tds, composeUri).contains("arch/port-mismatch"), "the finding to clear");
        assertTrue(h.client.diagnostics.isEmpty(), "no pushes in pull mode");
    }

    @Test
    void workspacePullReportsClosedFilesAndTheirChanges() throws Exception {
        h.initialize(root.toUri().toString(), caps(true), null);
        var ws = h.server.getWorkspaceService();
        await(() -> codes(workspaceReport(ws, List.of()), composeUri).contains("arch/port-mismatch"),
                "the closed compose file's cross-file finding in the workspace report");
        var first = workspaceReport(ws, List.of()).stream().filter(x -> x.getWorkspaceFullDocumentDiagnosticReport()
                .getUri().equals(composeUri)).findFirst().orElseThrow().getWorkspaceFullDocumentDiagnosticReport();
        var again = workspaceReport(ws, List.of(new PreviousResultId(composeUri, first.getResultId())));
        assertTrue(again.stream().anyMatch(x -> x.isWorkspaceUnchangedDocumentDiagnosticReport()
                && x.getWorkspaceUnchangedDocumentDiagnosticReport().getUri().equals(composeUri)), again.toString());

        // fixing the port in application.yml (open) changes the closed compose file's report
        h.open(appUri, "server:\n  port: 8080\n" + DATASOURCE);
        int refreshes = h.client.refreshes;
        h.change(appUri, 2, new Range(new Position(1, 8), new Position(1, 12)), "8081");
        await(() -> h.client.refreshes > refreshes, "workspace/diagnostic/refresh");
        await(() -> {
            var r = workspaceReport(ws, List.of(new PreviousResultId(composeUri, first.getResultId())));
            return r.stream().anyMatch(x -> x.isWorkspaceFullDocumentDiagnosticReport()
                    && x.getWorkspaceFullDocumentDiagnosticReport().getUri().equals(composeUri))
                    && !codes(r, composeUri).contains("arch/port-mismatch");
        }, "a new full report for compose without the mismatch");
        assertTrue(workspaceReport(ws, List.of()).stream().noneMatch(x -> x.isWorkspaceFullDocumentDiagnosticReport()
                && x.getWorkspaceFullDocumentDiagnosticReport().getUri().equals(appUri)),
                "open documents are left to document pulls");
    }

    private static List<WorkspaceDocumentDiagnosticReport> workspaceReport(
            org.eclipse.lsp4j.services.WorkspaceService ws, List<PreviousResultId> previous) {
        try {
            return ws.diagnostic(new WorkspaceDiagnosticParams(previous)).get(5, TimeUnit.SECONDS).getItems();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> codes(List<WorkspaceDocumentDiagnosticReport> r, String uri) {
        return r.stream().filter(WorkspaceDocumentDiagnosticReport::isWorkspaceFullDocumentDiagnosticReport)
                .map(WorkspaceDocumentDiagnosticReport::getWorkspaceFullDocumentDiagnosticReport)
                .filter(x -> x.getUri().equals(uri)).flatMap(x -> x.getItems().stream())
                .map(d -> d.getCode().getLeft()).toList();
    }

    private static List<String> pull(org.eclipse.lsp4j.services.TextDocumentService tds, String uri) {
        try {
            DocumentDiagnosticReport r = tds.diagnostic(new DocumentDiagnosticParams(new TextDocumentIdentifier(uri)))
                    .get(5, TimeUnit.SECONDS);
            return r.getLeft().getItems().stream().map(d -> d.getCode().getLeft()).toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anEditWithoutCrossFileFindingsIsPublishedOnce() throws Exception {
        h.initialize(root.toUri().toString(), caps(false), null);
        h.awaitDiagnostics(composeUri, x -> has(x, "arch/port-mismatch"));
        String df = uri("api/Dockerfile");
        h.open(df, Files.readString(root.resolve("api/Dockerfile")));
        h.awaitDiagnostics(df, x -> Integer.valueOf(1).equals(x.getVersion()));
        h.change(df, 2, new Range(new Position(1, 0), new Position(1, 0)), "# a comment\n");
        h.awaitDiagnostics(df, x -> Integer.valueOf(2).equals(x.getVersion()));
        // give the cross-file update that follows the edit (milliseconds) ample time, then count the publications
        Thread.sleep(700);
        long v2 = h.client.published.stream().filter(x -> x.getUri().equals(df)
                && Integer.valueOf(2).equals(x.getVersion())).count();
        assertEquals(1, v2, "the per-file diagnostics of version 2 go out once, not again after the model update");
    }

    @Test
    void hoverLinksDefinitionAndGraph() throws Exception {
        h.initialize(root.toUri().toString(), caps(false), null);
        h.awaitDiagnostics(composeUri, x -> has(x, "arch/port-mismatch"));
        String compose = Files.readString(root.resolve("docker-compose.yml"));
        h.open(composeUri, compose);
        h.awaitDiagnostics(composeUri, x -> x.getVersion() != null && has(x, "arch/port-mismatch"));
        var tds = h.server.getTextDocumentService();

        Hover hover = tds.hover(new HoverParams(new TextDocumentIdentifier(composeUri), new Position(5, 3)))
                .get(5, TimeUnit.SECONDS);
        String text = hover.getContents().getRight().getValue();
        assertTrue(text.contains("**api** · Compose service"), text);
        assertTrue(text.contains("Listens on: 8080 (server.port)"), text);
        assertTrue(text.contains("Called by: web (http :8080)"), text);

        List<DocumentLink> links = tds.documentLink(new DocumentLinkParams(new TextDocumentIdentifier(composeUri)))
                .get(5, TimeUnit.SECONDS);
        assertTrue(links.stream().anyMatch(l -> l.getTarget().equals(uri("api/Dockerfile"))
                && l.getRange().getStart().getLine() == 6), links.toString());
        assertTrue(links.stream().anyMatch(l -> l.getTarget().equals(uri("api/app.env"))), links.toString());
        String k8s = uri("k8s/api.yaml");
        List<DocumentLink> k8sLinks = tds.documentLink(new DocumentLinkParams(new TextDocumentIdentifier(k8s)))
                .get(5, TimeUnit.SECONDS);
        assertEquals(List.of(k8s + "#L18"), k8sLinks.stream().map(DocumentLink::getTarget).toList());
        assertEquals(new Position(12, 22), k8sLinks.get(0).getRange().getStart());

        // from the datasource host in application.yml to the Compose service
        h.open(appUri, Files.readString(root.resolve("api/src/main/resources/application.yml")));
        await(() -> h.client.lastDiagnostics.get(appUri) != null
                && Integer.valueOf(1).equals(h.client.lastDiagnostics.get(appUri).getVersion()),
                "diagnostics of the opened application.yml");
        var toDb = tds.definition(new DefinitionParams(new TextDocumentIdentifier(appUri), new Position(4, 27)))
                .get(5, TimeUnit.SECONDS).getLeft();
        assertEquals(1, toDb.size(), toDb.toString());
        assertEquals(new Position(10, 2), toDb.get(0).getRange().getStart());

        h.open(nginxUri, Files.readString(root.resolve("web/nginx.conf")));
        await(() -> h.client.lastDiagnostics.get(nginxUri) != null
                && Integer.valueOf(1).equals(h.client.lastDiagnostics.get(nginxUri).getVersion()),
                "diagnostics of the opened nginx.conf; log: " + h.client.logs + dump());
        var def = tds.definition(new DefinitionParams(new TextDocumentIdentifier(nginxUri), new Position(5, 25)))
                .get(5, TimeUnit.SECONDS);
        List<? extends Location> locs = def.getLeft();
        assertEquals(1, locs.size(), locs.toString());
        assertEquals(composeUri, locs.get(0).getUri());
        assertEquals(new Position(5, 2), locs.get(0).getRange().getStart());

        Object graph = h.server.getWorkspaceService().executeCommand(new ExecuteCommandParams("archlens.showGraph",
                List.of())).get(5, TimeUnit.SECONDS);
        assertNotNull(graph);
        String g = graph.toString();
        assertTrue(g.startsWith("flowchart LR"), g);
        assertTrue(g.contains("|\"http :8080\"|"), g);

        // the VS Code view's drawing: the report's renderer, with the findings the editor knows on their services
        Object drawn = h.server.getWorkspaceService().executeCommand(new ExecuteCommandParams("archlens.showGraph",
                List.of("svg"))).get(5, TimeUnit.SECONDS);
        java.util.Map<?, ?> m = (java.util.Map<?, ?>) drawn;
        String svg = (String) m.get("svg");
        assertTrue(svg.startsWith("<div class=\"archlens-graph\">") && svg.contains("<svg "), svg);
        assertTrue(svg.contains("data-name=\"web\"") && svg.contains("data-name=\"worker\"")
                && svg.contains("data-name=\"db\""), svg);
        assertTrue(java.util.regex.Pattern.compile("data-name=\"api\" data-findings=\"[1-9][0-9]*\" data-worst=")
                .matcher(svg).find(), "arch/port-mismatch marked on api: " + svg);
        assertTrue(svg.contains("arch/port-mismatch"), "listed in the tooltip");
        assertEquals(g, m.get("mermaid"));
    }

    @Test
    void missingContextOffersToCreateTheProjectFile() throws Exception {
        write("k8s/api.yaml", """
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
                """);
        String k8s = uri("k8s/api.yaml");
        h.initialize(root.toUri().toString(), caps(false), null);
        h.open(k8s, Files.readString(root.resolve("k8s/api.yaml")));
        PublishDiagnosticsParams p = h.awaitDiagnostics(k8s, x -> x.getVersion() != null && has(x, "arch/missing-context"));
        Diagnostic d = p.getDiagnostics().stream().filter(x -> "arch/missing-context".equals(x.getCode().getLeft()))
                .findFirst().orElseThrow();
        assertEquals(DiagnosticSeverity.Information, d.getSeverity());
        List<Either<Command, CodeAction>> actions = h.server.getTextDocumentService().codeAction(new CodeActionParams(
                new TextDocumentIdentifier(k8s), d.getRange(), new CodeActionContext(List.of(d)))).get(5, TimeUnit.SECONDS);
        CodeAction create = actions.stream().map(Either::getRight)
                .filter(a -> a.getTitle().startsWith("Create .archlens.yml")).findFirst().orElseThrow();
        var changes = create.getEdit().getDocumentChanges();
        assertEquals(uri(".archlens.yml"), ((CreateFile) changes.get(0).getRight()).getUri());
        String inserted = changes.get(1).getLeft().getEdits().get(0).getNewText();
        assertTrue(inserted.contains("context:\n  # stage: production"), inserted);

        // answering the question turns the info into the real check
        write(".archlens.yml", "context:\n  stage: production\n");
        h.server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(List.of(
                new FileEvent(uri(".archlens.yml"), FileChangeType.Created))));
        h.awaitDiagnostics(k8s, x -> has(x, "arch/missing-pdb") && !has(x, "arch/missing-context"));
    }

    @Test
    void watchedFileEventsUpdateTheIndexForFilesThatAreNotOpen() throws Exception {
        h.initialize(root.toUri().toString(), caps(false), null);
        h.awaitDiagnostics(composeUri, x -> has(x, "arch/port-mismatch"));
        write("api/src/main/resources/application.yml", "server:\n  port: 8081\n");
        h.server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(List.of(
                new FileEvent(appUri, FileChangeType.Changed))));
        h.awaitDiagnostics(composeUri, x -> !has(x, "arch/port-mismatch"));
        Files.delete(root.resolve("api/src/main/resources/application.yml"));
        h.server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(List.of(
                new FileEvent(appUri, FileChangeType.Deleted))));
        // without the Spring file, EXPOSE-less api has no known port: nothing to compare, nothing reported
        Thread.sleep(200);
        assertFalse(has(h.client.lastDiagnostics.get(composeUri), "arch/port-mismatch"));
    }
}

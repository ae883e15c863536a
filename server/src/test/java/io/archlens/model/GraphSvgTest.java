package io.archlens.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Category;
import io.archlens.analysis.Finding;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.Severity;
import io.archlens.config.Settings;
import io.archlens.core.TextRange;
import io.archlens.workspace.BatchAnalyzer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one graph renderer: well-formed SVG, escaped text, and findings on the vertices they concern. */
class GraphSvgTest {
    @TempDir
    Path dir;

    private static final String COMPOSE = """
            services:
              web:
                image: nginx:1.27
                depends_on: [api]
              api:
                build: ./api
                environment:
                  DATABASE_URL: postgres://app@db:5432/app
              db:
                image: postgres:16
                # a comment at the block's indentation
                environment:
                  POSTGRES_DB: app
            volumes:
              data: {}
            """;

    private static final String K8S = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: worker
            spec:
              template:
                metadata:
                  labels: {app: worker}
                spec:
                  containers:
                    - name: worker
                      image: worker:1.0.0
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: worker-svc
            spec:
              selector: {app: worker}
              ports:
                - port: 80
            """;

    private List<SystemModel> projects() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), COMPOSE);
        Files.createDirectories(dir.resolve("api"));
        Files.writeString(dir.resolve("api/Dockerfile"), "FROM python:3.12\nCMD [\"python\", \"app.py\"]\n");
        Files.createDirectories(dir.resolve("k8s"));
        Files.writeString(dir.resolve("k8s/worker.yaml"), K8S);
        BatchAnalyzer a = new BatchAnalyzer(RuleBook.loadDefault(), Settings.DEFAULTS, dir, (m, e) -> { });
        a.analyze(List.of(dir.resolve("compose.yaml"), dir.resolve("api/Dockerfile"), dir.resolve("k8s/worker.yaml")));
        return a.lastCrossFile().projects();
    }

    private static Finding at(String text, String anchor, Severity s, String rule) {
        int i = text.indexOf(anchor);
        assertTrue(i >= 0, anchor);
        return new Finding(rule, s, Category.RELIABILITY, new TextRange(i, i + anchor.length()), "msg <" + rule + ">",
                null, null, null, null, null, null);
    }

    private GraphMarks.FileFindings file(String rel, String text, Finding... fs) {
        return new GraphMarks.FileFindings(dir.resolve(rel).toUri().toString(), rel, text, List.of(fs));
    }

    private static Map<String, String> marked(String svg) {
        Map<String, String> out = new java.util.TreeMap<>();
        Matcher m = Pattern.compile("data-name=\"([^\"]+)\" data-findings=\"(\\d+)\"(?: data-worst=\"(\\w+)\")?")
                .matcher(svg);
        while (m.find()) {
            out.put(m.group(1), m.group(2) + (m.group(3) == null ? "" : " " + m.group(3)));
        }
        return out;
    }

    @Test
    void findingsGoToTheServiceTheyConcern() throws Exception {
        List<SystemModel> projects = projects();
        String dockerfile = Files.readString(dir.resolve("api/Dockerfile"));
        List<GraphMarks.FileFindings> files = new ArrayList<>();
        files.add(file("compose.yaml", COMPOSE,
                at(COMPOSE, "nginx:1.27", Severity.WARNING, "t/web-image"),
                at(COMPOSE, "POSTGRES_DB", Severity.INFO, "t/db-env"),
                at(COMPOSE, "postgres:16", Severity.ERROR, "t/db-image"),
                at(COMPOSE, "data: {}", Severity.ERROR, "t/top-level-volume"),
                at(COMPOSE, "services:", Severity.HINT, "t/services-key")));
        files.add(file("api/Dockerfile", dockerfile, at(dockerfile, "python:3.12", Severity.HINT, "t/dockerfile")));
        files.add(file("k8s/worker.yaml", K8S,
                at(K8S, "apiVersion: apps/v1", Severity.INFO, "t/before-the-name"),
                at(K8S, "worker:1.0.0", Severity.WARNING, "t/worker-image"),
                at(K8S, "port: 80", Severity.ERROR, "t/service-port")));
        Map<Object, List<GraphSvg.Mark>> marks = GraphMarks.of(projects, files);
        String html = GraphSvg.html(projects, marks);
        assertEquals(Map.of("web", "1 warning", "api", "1 hint", "db", "2 error", "worker", "2 warning",
                "svc/worker-svc", "1 error"), marked(html), html);
        // the tooltip lists the findings, worst first, with file and line, escaped
        int db = html.indexOf("data-name=\"db\"");
        String tip = html.substring(html.indexOf("<title>", db), html.indexOf("</title>", db));
        assertTrue(tip.contains("2 findings:\n• error t/db-image: msg &lt;t/db-image&gt; (compose.yaml:10)\n"
                + "• info t/db-env: msg &lt;t/db-env&gt; (compose.yaml:13)"), tip);
        assertTrue(html.contains("class=\"node store g0 worst-error\""), "the colour of the worst severity");
        assertTrue(html.contains("<circle class=\"badge\""), "a count badge");
    }

    @Test
    void theDrawingIsWellFormedAndEscapesNames() throws Exception {
        List<SystemModel> projects = projects();
        String html = GraphSvg.html(projects);
        String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>") + 6);
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        assertEquals(5, doc.getElementsByTagName("rect").getLength(), "web, api, db, worker, Service worker-svc");
        assertTrue(html.contains(">web</text>") && html.contains(">Service worker-svc</text>"), html);
        assertTrue(html.contains("<style>") && !html.contains("<script"), "its own style, no script");
        assertTrue(marked(html).values().stream().allMatch(v -> v.equals("0")), "no findings, no marks");
        assertTrue(!html.contains("class=\"badge\""), html);
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;\uFFFD", GraphSvg.esc("<a href=\"x\">&'\u0001"));
        assertTrue(GraphSvg.drawable(projects) && !GraphSvg.drawable(List.of()));
    }
}

package io.archlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `archlens graph` and the cross-file findings in `archlens check` output (JSON, SARIF, rules, explain). */
class GraphAndCrossFileCliTest {
    @TempDir
    Path dir;

    private static CliRun run(Callable<Integer> cmd, String... args) {
        return CliRun.of(cmd, args);
    }

    private void write(String rel, String text) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private void workspace() throws Exception {
        write("docker-compose.yml", "services:\n  web:\n    build: ./web\n    depends_on: [api]\n  api:\n    build: ./api\n"
                + "    ports:\n      - \"8081:8081\"\n  db:\n    image: postgres:16.2\n");
        write("api/Dockerfile", "FROM eclipse-temurin:21-jre\n");
        write("api/src/main/resources/application.yml", "server:\n  port: 8080\nspring:\n  datasource:\n"
                + "    url: jdbc:postgresql://db:5432/shop\n");
        write("web/Dockerfile", "FROM nginx:1.27\n");
        write("web/nginx.conf", "server {\n  listen 80;\n  location / {\n    proxy_pass http://api:8080;\n  }\n}\n");
    }

    @Test
    void graphPrintsMermaidAndDot() throws Exception {
        workspace();
        CliRun m = run(new GraphCommand(), dir.toString());
        assertEquals(0, m.code(), m.err());
        assertTrue(m.out().startsWith("flowchart LR\n"), m.out());
        assertTrue(m.out().contains("[\"api<br/>Spring · :8080\"]"), m.out());
        assertTrue(m.out().contains("[(\"db<br/>postgres · :5432\")]"), m.out());
        assertTrue(m.out().contains(" -->|\"http :8080\"| "), m.out());
        assertTrue(m.out().contains(" -->|\"database :5432\"| "), m.out());
        assertTrue(m.out().contains(" -.->|\"depends_on\"| "), m.out());
        CliRun d = run(new GraphCommand(), dir.toString(), "--format", "dot");
        assertEquals(0, d.code(), d.err());
        assertTrue(d.out().startsWith("digraph system {"), d.out());
        assertTrue(d.out().contains("shape=cylinder"), d.out());
        // the drawing of archlens report and the editor's view, from the same renderer
        CliRun svg = run(new GraphCommand(), dir.toString(), "--format", "svg");
        assertEquals(0, svg.code(), svg.err());
        assertTrue(svg.out().startsWith("<div class=\"archlens-graph\">") && svg.out().contains("<svg "), svg.out());
        assertTrue(svg.out().contains(">api</text>") && svg.out().contains(">postgres · :5432</text>")
                && svg.out().contains(">http :8080</text>"), svg.out());
        assertEquals(2, run(new GraphCommand(), dir.resolve("nope").toString()).code());
    }

    @Test
    void checkReportsCrossFileFindingsWithRelatedLocations() throws Exception {
        workspace();
        CliRun j = run(new CheckCommand(), dir.toString(), "--format", "json");
        assertEquals(1, j.code(), j.err());
        JsonNode root = new ObjectMapper().readTree(j.out());
        JsonNode port = null;
        for (JsonNode f : root.get("findings")) {
            if (f.get("rule").asText().equals("arch/port-mismatch")) {
                port = f;
            }
        }
        assertTrue(port != null, j.out());
        assertTrue(port.get("path").asText().endsWith("docker-compose.yml"));
        assertTrue(port.get("related").get(0).get("path").asText().endsWith("api/src/main/resources/application.yml"));
        assertEquals(2, port.get("related").get(0).get("line").asInt());

        CliRun s = run(new CheckCommand(), dir.toString(), "--format", "sarif");
        JsonNode run = new ObjectMapper().readTree(s.out()).get("runs").get(0);
        boolean ruleListed = false;
        for (JsonNode r : run.get("tool").get("driver").get("rules")) {
            ruleListed |= r.get("id").asText().equals("arch/port-mismatch");
        }
        assertTrue(ruleListed, "SARIF rule metadata includes the cross-file rules");
        boolean related = false;
        for (JsonNode r : run.get("results")) {
            if (r.get("ruleId").asText().equals("arch/port-mismatch")) {
                related = r.get("relatedLocations").get(0).get("message").get("text").asText().contains("8080");
            }
        }
        assertTrue(related, s.out());
    }

    @Test
    void rulesAndExplainKnowTheCrossFileRules() {
        CliRun r = run(new RulesCommand(), "--kind", "arch");
        assertTrue(r.out().contains("arch/pool-exceeds-max-connections"), r.out());
        assertTrue(r.out().strip().endsWith("33 rules (essential 22, recommended 33, strict 33)"), r.out());
        CliRun e = run(new ExplainCommand(), "arch/port-mismatch");
        assertEquals(0, e.code());
        assertTrue(e.out().contains("server.port"), e.out());
    }
}

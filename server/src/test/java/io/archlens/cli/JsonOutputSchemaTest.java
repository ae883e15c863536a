package io.archlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.archlens.testing.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real `check --format json` output is valid against docs/check-output.schema.json, and the schema has teeth. */
class JsonOutputSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Schema schema;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        String text = Files.readString(Fixtures.repoRoot().resolve("docs/check-output.schema.json"));
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(text, InputFormat.JSON);
    }

    private static JsonNode check(String... paths) throws Exception {
        StringWriter out = new StringWriter();
        String[] args = new String[paths.length + 3];
        args[0] = "check";
        System.arraycopy(paths, 0, args, 1, paths.length);
        args[paths.length + 1] = "--format";
        args[paths.length + 2] = "json";
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), args);
        assertTrue(code == 0 || code == 1, "exit " + code);
        return JSON.readTree(out.toString());
    }

    private static List<Error> errors(JsonNode report) {
        return schema.validate(report);
    }

    @Test
    void theExamplesReportIsValid() throws Exception {
        JsonNode report = check(Fixtures.repoRoot().resolve("examples").toString());
        assertTrue(report.get("findings").size() > 20, "a report with something in it");
        assertTrue(findingWith(report, "related") && findingWith(report, "fixes"), "cross-file and fixable findings");
        assertEquals(List.of(), errors(report));
    }

    @Test
    void aReportWithSkippedFilesIsValid() throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM node:latest\nUSER node\n");
        Files.write(dir.resolve("docker-compose.yml"), new byte[] {'a', 0, 'b'});
        JsonNode report = check(dir.toString());
        assertFalse(report.path("skipped").isEmpty(), report.toString());
        assertEquals(List.of(), errors(report));
    }

    @Test
    void theSchemaRejectsWhatTheReportNeverHolds() throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM node:latest\n");
        JsonNode report = check(dir.toString());
        ObjectNode finding = (ObjectNode) report.get("findings").get(0);
        finding.put("severity", "critical");
        finding.put("line", 0);
        finding.remove("rule");
        finding.put("confidence", 0.5);
        ((ObjectNode) report).remove("summary");
        assertEquals(5, errors(report).size(), errors(report).toString());
    }

    private static boolean findingWith(JsonNode report, String field) {
        for (JsonNode f : report.get("findings")) {
            if (f.has(field) && !f.get(field).isEmpty()) {
                return true;
            }
        }
        return false;
    }
}

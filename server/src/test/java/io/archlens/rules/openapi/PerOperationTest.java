package io.archlens.rules.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Finding;
import io.archlens.filekind.FileKind;
import io.archlens.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A pattern that holds for most operations is reported once for the spec; a few operations one by one. */
class PerOperationTest {
    private static String spec(int operations, int withErrors) {
        StringBuilder sb = new StringBuilder("openapi: 3.0.3\ninfo: {title: x, version: '1'}\n"
                + "servers: [{url: 'https://api.example.com'}]\nsecurity: [{bearer: []}]\npaths:\n");
        for (int i = 0; i < operations; i++) {
            sb.append("  /things").append(i).append(":\n    get:\n      operationId: get").append(i)
                    .append("\n      summary: thing\n      responses:\n        '200': {description: OK}\n");
            if (i < withErrors) {
                sb.append("        '404': {description: missing}\n");
            }
        }
        sb.append("components:\n  securitySchemes:\n    bearer: {type: http, scheme: bearer}\n");
        return sb.toString();
    }

    private static List<Finding> errors(String text) {
        return Fixtures.analyze(Fixtures.source("api/openapi.yaml", text, FileKind.OPENAPI)).findings().stream()
                .filter(f -> f.ruleId().equals("openapi/missing-error-responses")).toList();
    }

    @Test
    void mostOperationsAreOneFindingWithTheOthersRelated() {
        List<Finding> fs = errors(spec(40, 0));
        assertEquals(1, fs.size(), fs.toString());
        assertTrue(fs.get(0).message().startsWith("40 of 40 operations document no 4xx/5xx"), fs.get(0).message());
        assertEquals(39, fs.get(0).related().size());
        assertEquals("GET /things1", fs.get(0).related().get(0).message());
    }

    @Test
    void aFewOperationsAreReportedOneByOne() {
        assertEquals(3, errors(spec(40, 37)).size()); // 3 of 40: each its own finding
        assertEquals(4, errors(spec(6, 2)).size()); // 4 of 6 but fewer than five: one by one
    }

    @Test
    void relatedLocationsAreBounded() {
        Finding f = errors(spec(120, 0)).get(0);
        assertEquals(50, f.related().size());
        assertTrue(f.message().contains("the first 50 others are listed"), f.message());
    }

    @Test
    void oneOffendingPathSegmentIsOneFindingWhateverTheNumberOfPathsUsingIt() {
        StringBuilder sb = new StringBuilder("openapi: 3.0.3\ninfo: {title: x, version: '1'}\npaths:\n");
        for (String p : new String[] {"/user-accounts", "/order-items", "/price-lists", "/tax-rates", "/shipping-zones", "/gen_ai/agents",
                "/gen_ai/models", "/gen_ai/keys", "/search_index"}) {
            sb.append("  ").append(p).append(": {}\n");
        }
        List<Finding> fs = Fixtures.analyze(Fixtures.source("api/openapi.yaml", sb.toString(), FileKind.OPENAPI))
                .findings().stream().filter(f -> f.ruleId().equals("openapi/inconsistent-path-casing")).toList();
        assertEquals(2, fs.size(), fs.toString()); // gen_ai (3 paths) and search_index
        assertTrue(fs.get(0).message().contains("'gen_ai'") && fs.get(0).message().contains("3 paths use it"),
                fs.get(0).message());
        assertEquals(2, fs.get(0).related().size());
    }
}

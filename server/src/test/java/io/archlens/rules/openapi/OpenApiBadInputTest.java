package io.archlens.rules.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Analysis;
import io.archlens.analysis.Finding;
import io.archlens.analysis.Parsed;
import io.archlens.analysis.SourceFile;
import io.archlens.config.Settings;
import io.archlens.filekind.FileKind;
import io.archlens.filekind.FileKindDetector;
import io.archlens.syntax.openapi.OpenApiDoc;
import io.archlens.syntax.openapi.OpenApiParser;
import io.archlens.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Unresolved and cyclic refs, broken and huge documents, JSON detection. */
class OpenApiBadInputTest {
    private static final Settings BIG = Settings.fromMap(Map.of("max-file-bytes", 64L * 1024 * 1024, "max-findings-per-file", 10_000_000));

    private static long count(List<Finding> fs, String rule) {
        return fs.stream().filter(f -> f.ruleId().equals(rule)).count();
    }

    @Test
    void cyclicAndDanglingRefsTerminate() {
        String spec = """
                openapi: 3.0.3
                info: {title: T, version: "1"}
                paths:
                  /a:
                    post:
                      operationId: a
                      summary: A
                      requestBody:
                        content:
                          application/json:
                            schema: {$ref: "#/components/schemas/A"}
                      responses:
                        "200": {$ref: "#/components/responses/Loop1"}
                components:
                  responses:
                    Loop1: {$ref: "#/components/responses/Loop2"}
                    Loop2: {$ref: "#/components/responses/Loop1"}
                  schemas:
                    A: {$ref: "#/components/schemas/B"}
                    B:
                      type: object
                      properties:
                        self: {$ref: "#/components/schemas/B"}
                        gone: {$ref: "#/components/schemas/C"}
                        bad: {$ref: "#/components/schemas/B/properties/self/x/~2/%zz"}
                """;
        SourceFile f = Fixtures.source("api.yaml", spec, FileKind.OPENAPI);
        Parsed<OpenApiDoc> p = OpenApiParser.parse(f);
        assertTrue(p.issues().isEmpty());
        assertNotNull(p.model().deref(p.model().resolve("#/components/responses/Loop1")));
        assertNull(p.model().resolve("#/components/schemas/C"));
        List<Finding> fs = Fixtures.analyze(f).findings();
        assertEquals(2, count(fs, "openapi/unresolved-ref"), fs.toString());
    }

    @Test
    void truncatedDocumentsNeverThrow() {
        String yaml = BigSpecs.yaml(6000);
        String json = BigSpecs.json(6000);
        for (int i = 0; i < yaml.length(); i += 97) {
            Analysis a = Fixtures.analyze(Fixtures.source("api.yaml", yaml.substring(0, i), FileKind.OPENAPI));
            assertNotNull(a.findings());
        }
        for (int i = 0; i < json.length(); i += 89) {
            Parsed<OpenApiDoc> p = OpenApiParser.parse(Fixtures.source("api.json", json.substring(0, i), FileKind.OPENAPI));
            assertNotNull(p.model());
            if (i > 0) {
                assertFalse(p.issues().isEmpty(), "truncated JSON at " + i + " must be a syntax error");
                assertNotNull(p.model().root(), "the part before the error is kept");
            }
        }
    }

    @Test
    void brokenJsonReportsAtTheErrorAndKeepsThePrefix() {
        String json = "{\n  \"openapi\": \"3.0.3\",\n  \"paths\": {\"/a\": {\"get\": {\"responses\": {}}}},\n  \"x\": tru\n}\n";
        Parsed<OpenApiDoc> p = OpenApiParser.parse(Fixtures.source("api.json", json, FileKind.OPENAPI));
        assertEquals(1, p.issues().size());
        assertEquals(3, Fixtures.source("api.json", json).lines().lineOf(p.issues().get(0).range().start()));
        assertEquals(1, p.model().operations().size());
    }

    @Test
    void deeplyNestedJsonIsASyntaxErrorNotACrash() {
        String deep = "{\"openapi\":\"3.0.0\",\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        Parsed<OpenApiDoc> p = OpenApiParser.parse(Fixtures.source("api.json", deep, FileKind.OPENAPI));
        assertFalse(p.issues().isEmpty());
    }

    @Test
    void jsonSpecsAreDetectedMinifiedOrTabIndented() {
        assertEquals(FileKind.OPENAPI, FileKindDetector.detect("api.json",
                "{\"info\":{\"title\":\"x\"},\"openapi\":\"3.1.0\",\"paths\":{}}"));
        assertEquals(FileKind.OPENAPI, FileKindDetector.detect("api.json", "{\n\t\"swagger\": \"2.0\"\n}"));
        assertEquals(FileKind.UNKNOWN, FileKindDetector.detect("package.json", "{\"name\": \"openapi-tools\"}"));
        Parsed<OpenApiDoc> p = OpenApiParser.parse(Fixtures.source("api.json",
                "{\n\t\"openapi\": \"3.0.3\",\n\t\"paths\": {\"/a\": {\"get\": {}}}\n}", FileKind.OPENAPI));
        assertTrue(p.issues().isEmpty(), p.issues().toString());
        assertEquals("/a", p.model().operations().get(0).path());
    }

    @Test
    void tenMegabyteSpecIsAnalysedWithARaisedLimit() {
        String yaml = BigSpecs.yaml(10 * 1024 * 1024);
        assertTrue(yaml.length() >= 10 * 1024 * 1024);
        Analysis a = Fixtures.analyze(Fixtures.source("big.yaml", yaml, FileKind.OPENAPI), BIG);
        List<Finding> fs = a.findings();
        // the generator's known flaws, and nothing else: no syntax error, no alias-bomb cut-off
        assertEquals(0, count(fs, "archlens/syntax-error"), fs.stream().limit(3).toList().toString());
        long resources = yaml.split("\n  /resource\\d+:\n", -1).length - 1;
        // every creating operation lacks the key: one spec-wide finding (PerOperation), not one per resource; the
        // unbounded strings are a third of the request strings but sit in every request body: one finding too
        assertEquals(1, count(fs, "openapi/missing-idempotency-key"));
        assertEquals(1, count(fs, "openapi/unbounded-string-input"));
        assertTrue(fs.stream().anyMatch(f -> f.message().startsWith(resources + " of ")), "the count is in the message");
        assertEquals((resources + 49) / 50, count(fs, "openapi/unresolved-ref"));
        // secured operations documenting 400/404 but never 401: one spec-wide finding
        assertEquals(1, count(fs, "openapi/missing-auth-error-response"));
        assertEquals(fs.size(), count(fs, "openapi/missing-idempotency-key") + count(fs, "openapi/unbounded-string-input")
                + count(fs, "openapi/unresolved-ref") + 1, "unexpected other findings");
    }

    @Test
    void tenMegabyteSpecWithTheDefaultLimitIsNotAnalysed() {
        String yaml = BigSpecs.yaml(10 * 1024 * 1024);
        List<Finding> fs = Fixtures.analyze(Fixtures.source("big.yaml", yaml, FileKind.OPENAPI)).findings();
        assertEquals(1, fs.size());
        assertEquals("archlens/not-analyzed", fs.get(0).ruleId());
        assertTrue(fs.get(0).message().contains("max-file-bytes"));
    }

    @Test
    void tenMegabyteJsonSpec() {
        String json = BigSpecs.json(10 * 1024 * 1024);
        List<Finding> fs = Fixtures.analyze(Fixtures.source("big.json", json, FileKind.OPENAPI), BIG).findings();
        long ops = json.split("\"operationId\"", -1).length - 1;
        // every list operation is unpaged: one spec-wide finding with the count, not one per operation
        assertEquals(1, count(fs, "openapi/unbounded-array-response"));
        assertEquals(1, count(fs, "openapi/missing-auth-error-response"));
        assertTrue(fs.stream().anyMatch(f -> f.message().startsWith(ops + " of " + ops + " list operations")));
        assertEquals(2, fs.size());
    }
}

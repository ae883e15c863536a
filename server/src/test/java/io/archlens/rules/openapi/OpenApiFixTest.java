package io.archlens.rules.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Finding;
import io.archlens.analysis.Parsed;
import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.openapi.OpenApiDoc;
import io.archlens.syntax.openapi.OpenApiParser;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YamlFile;
import io.archlens.syntax.yaml.YamlParser;
import io.archlens.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** Before/after for the OpenAPI quick fixes, in YAML and JSON; each result is re-parsed. */
class OpenApiFixTest {
    private static final String YAML = """
            openapi: 3.0.3
            info:
              title: T
              version: 1.0.0
            servers:
              - url: http://api.example.com/v1
            security:
              - bearer: []
            paths:
              /orders/{orderId}/items:
                get:
                  summary: Items of an order
                  responses:
                    "200":
                      description: OK
                    "400":
                      $ref: "#/components/responses/Problem"
                put:
                  operationId: replaceItems
                  summary: Replace
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            sku: {type: string, maxLength: 20}
                  responses:
                    "200":
                      description: OK
                    "400":
                      $ref: "#/components/responses/Problem"
            components:
              securitySchemes:
                bearer:
                  type: http
                  scheme: bearer
              responses:
                Problem:
                  description: Error
              schemas:
                Unused:
                  type: object
            """;

    private static SourceFile src(String path, String text) {
        return Fixtures.source(path, text, FileKind.OPENAPI);
    }

    private static YMap reparseYaml(String text) {
        Parsed<YamlFile> p = YamlParser.parse(src("openapi.yaml", text));
        assertTrue(p.issues().isEmpty(), "fixed spec must be valid YAML: " + p.issues() + "\n" + text);
        return (YMap) p.model().documents().get(0).root();
    }

    private static OpenApiDoc reparseJson(String text) {
        Parsed<OpenApiDoc> p = OpenApiParser.parse(src("openapi.json", text));
        assertTrue(p.issues().isEmpty(), "fixed spec must be valid JSON: " + p.issues() + "\n" + text);
        return p.model();
    }

    @Test
    void operationIdIsDerivedFromMethodAndPathAndInsertedAfterTheSummary() {
        String fixed = Fixtures.applyFix(src("openapi.yaml", YAML), "openapi/missing-operation-id", null);
        assertEquals(YAML.replace("      summary: Items of an order\n",
                "      summary: Items of an order\n      operationId: getOrdersItemsByOrderId\n"), fixed);
        YMap root = reparseYaml(fixed);
        assertEquals("getOrdersItemsByOrderId", root.at("paths", "/orders/{orderId}/items", "get", "operationId").text());
    }

    @Test
    void httpServerBecomesHttpsAndTheFixIsUnsafe() {
        Finding f = Fixtures.single(Fixtures.analyze(src("openapi.yaml", YAML)).findings(), "openapi/http-server");
        assertFalse(f.fixes().get(0).safe());
        String fixed = Fixtures.applyFix(src("openapi.yaml", YAML), "openapi/http-server", null);
        assertEquals(YAML.replace("http://api", "https://api"), fixed);
        reparseYaml(fixed);
    }

    @Test
    void additionalPropertiesFalseIsAddedToTheRequestSchema() {
        String fixed = Fixtures.applyFix(src("openapi.yaml", YAML), "openapi/open-additional-properties", null);
        assertEquals(YAML.replace("                sku: {type: string, maxLength: 20}\n",
                "                sku: {type: string, maxLength: 20}\n"
                        + "              additionalProperties: false\n"), fixed);
        YMap root = reparseYaml(fixed);
        assertEquals("false", root.at("paths", "/orders/{orderId}/items", "put", "requestBody", "content",
                "application/json", "schema", "additionalProperties").text());
    }

    @Test
    void unusedComponentIsRemoved() {
        String fixed = Fixtures.applyFix(src("openapi.yaml", YAML), "openapi/unused-component", null);
        assertEquals(YAML.replace("    Unused:\n      type: object\n", ""), fixed);
        assertNull(reparseYaml(fixed).at("components", "schemas", "Unused"));
    }

    @Test
    void fixesInAJsonSpecKeepItJson() {
        String json = """
                {
                  "openapi": "3.0.3",
                  "info": {"title": "T", "version": "1"},
                  "servers": [{"url": "https://api.example.com/v1"}],
                  "security": [{"bearer": []}],
                  "paths": {
                    "/pets": {
                      "post": {
                        "summary": "Add",
                        "requestBody": {"content": {"application/json": {"schema": {"type": "object",
                          "properties": {"name": {"type": "string", "maxLength": 50}}}}}},
                        "responses": {"201": {"description": "Created"}, "400": {"description": "Bad"}}
                      }
                    }
                  },
                  "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}}
                }
                """;
        String withId = Fixtures.applyFix(src("openapi.json", json), "openapi/missing-operation-id", null);
        assertTrue(withId.contains("\"summary\": \"Add\",\n        \"operationId\": \"postPets\","), withId);
        assertEquals("postPets", reparseJson(withId).operations().get(0).text("operationId"));

        String closed = Fixtures.applyFix(src("openapi.json", json), "openapi/open-additional-properties", null);
        OpenApiDoc doc = reparseJson(closed);
        YMap schema = (YMap) doc.operations().get(0).map().at("requestBody", "content", "application/json", "schema");
        assertEquals("false", schema.getText("additionalProperties"));
        assertTrue(closed.contains("\"additionalProperties\": false"), closed);
    }

    @Test
    void fixAllOnTheRealisticSpecStaysValidAndAddsTheMissingIds() throws Exception {
        SourceFile f = Fixtures.load(Fixtures.fixturesDir().resolve("openapi/realistic/openapi.yaml"));
        String fixed = Fixtures.fixAll(f);
        reparseYaml(fixed);
        assertEquals(f.text(), fixed, "the realistic spec has only unsafe fixes; fix-all must leave it alone");
        String fixedOps = Fixtures.fixAll(src("openapi.yaml", YAML));
        assertTrue(Fixtures.analyze(src("openapi.yaml", fixedOps)).findings().stream()
                .noneMatch(x -> x.ruleId().equals("openapi/missing-operation-id")));
    }
}

package io.archlens.syntax.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Edit;
import io.archlens.analysis.Fixes;
import io.archlens.analysis.Parsed;
import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlEditsTest {

    private record Doc(String text, YamlFile yaml, YamlEdits edits) {
        YMap root() {
            return yaml.documents().get(0).root().asMap();
        }

        String apply(Edit e) {
            assertNotNull(e, "expected an edit");
            return Fixes.apply(text, List.of(e));
        }
    }

    private static Doc doc(String text) {
        Parsed<YamlFile> p = YamlParser.parse(SourceFile.of("x.yaml", text, FileKind.COMPOSE));
        assertTrue(p.issues().isEmpty(), "input must be valid: " + p.issues());
        return new Doc(text, p.model(), YamlEdits.of(text, p.model()));
    }

    /** Re-parses and asserts the result is valid YAML; returns the first document's root. */
    private static YNode reparse(String text) {
        Parsed<YamlFile> p = YamlParser.parse(SourceFile.of("x.yaml", text, FileKind.COMPOSE));
        assertTrue(p.issues().isEmpty(), "result must be valid YAML: " + p.issues() + "\n" + text);
        return p.model().documents().get(0).root();
    }

    @Test
    void detectsIndentUnitAndLineEnding() {
        assertEquals(2, doc("a:\n  b:\n    c: 1\n").edits().indentUnit());
        assertEquals(4, doc("a:\n    b:\n        c: 1\n    d:\n        e: 2\n").edits().indentUnit());
        assertEquals(3, doc("a:\n   b: 1\n").edits().indentUnit());
        assertEquals(2, doc("a: 1\n").edits().indentUnit(), "default when nothing is nested");
        assertEquals("\r\n", doc("a:\r\n  b: 1\r\n").edits().lineEnding());
        assertEquals("\n", doc("a:\n  b: 1\n").edits().lineEnding());
        assertTrue(doc("{\"a\": 1}").edits().isJson());
    }

    @Test
    void insertsEntriesWithTheFilesIndentation() {
        Doc d = doc("services:\n    api:\n        image: api:1.0\n    db:\n        image: postgres:16\n");
        YMap api = d.root().get("services").asMap().get("api").asMap();
        String out = d.apply(d.edits().insertEntries(api, "logging:\n  driver: json-file\n  options:\n    max-size: \"10m\""));
        assertEquals("services:\n    api:\n        image: api:1.0\n        logging:\n            driver: json-file\n"
                + "            options:\n                max-size: \"10m\"\n    db:\n        image: postgres:16\n", out);
        assertEquals("10m", reparse(out).at("services", "api", "logging", "options", "max-size").text());
    }

    @Test
    void keepsCrlfAndHandlesAMissingFinalLineBreak() {
        Doc d = doc("svc:\r\n  image: x\r\n  ports: [\"80:80\"]");
        YMap svc = d.root().get("svc").asMap();
        String out = d.apply(d.edits().insertEntries(svc, "restart: unless-stopped"));
        assertEquals("svc:\r\n  image: x\r\n  ports: [\"80:80\"]\r\n  restart: unless-stopped", out);
        assertEquals("unless-stopped", reparse(out).at("svc", "restart").text());
    }

    @Test
    void insertsAfterTrailingCommentsOfTheLastValueLineButBeforeTheNextKey() {
        Doc d = doc("a:\n  b: 1 # note\n  # a comment about c\nc: 2\n");
        String out = d.apply(d.edits().insertEntries(d.root().get("a").asMap(), "x: y"));
        assertEquals("a:\n  b: 1 # note\n  x: y\n  # a comment about c\nc: 2\n", out);
        assertEquals("y", reparse(out).at("a", "x").text());
    }

    @Test
    void insertsIntoASequenceItemMapping() {
        Doc d = doc("containers:\n- name: api\n  image: api:1\n- name: side\n  image: side:1\n");
        YMap first = d.root().get("containers").asSeq().items().get(0).asMap();
        String out = d.apply(d.edits().ensure(first, List.of("securityContext"), "allowPrivilegeEscalation: false"));
        assertEquals("containers:\n- name: api\n  image: api:1\n  securityContext:\n    allowPrivilegeEscalation: false\n"
                + "- name: side\n  image: side:1\n", out);
        YNode c = reparse(out).asMap().get("containers").asSeq().items().get(0);
        assertEquals("false", c.at("securityContext", "allowPrivilegeEscalation").text());
    }

    @Test
    void ensureFillsAnEmptyOrNullValue() {
        Doc d = doc("c:\n  securityContext: {}\n  other: 1\n");
        String out = d.apply(d.edits().ensure(d.root().get("c").asMap(), List.of("securityContext"), "runAsNonRoot: true"));
        assertEquals("c:\n  securityContext:\n    runAsNonRoot: true\n  other: 1\n", out);

        d = doc("c:\n  securityContext:   # todo\n  other: 1\n");
        out = d.apply(d.edits().ensure(d.root().get("c").asMap(), List.of("securityContext", "capabilities"), "drop: [\"ALL\"]"));
        assertEquals("c:\n  securityContext:   # todo\n    capabilities:\n      drop: [\"ALL\"]\n  other: 1\n", out);
        assertEquals("ALL", reparse(out).at("c", "securityContext", "capabilities", "drop").asSeq().items().get(0).text());
    }

    @Test
    void ensureWalksExistingMappingsAndAddsOnlyWhatIsMissing() {
        Doc d = doc("r:\n  resources:\n    requests:\n      cpu: 100m\n");
        String out = d.apply(d.edits().ensure(d.root().get("r").asMap(), List.of("resources", "limits"), "memory: 256Mi"));
        assertEquals("r:\n  resources:\n    requests:\n      cpu: 100m\n    limits:\n      memory: 256Mi\n", out);
        assertNull(doc("r:\n  resources: none\n").edits().ensure(doc("r:\n  resources: none\n").root().get("r").asMap(),
                List.of("resources", "limits"), "memory: 1Gi"), "a scalar in the way gives no edit");
    }

    @Test
    void setScalarReplacesKeepingQuotesOrInserts() {
        Doc d = doc("sc:\n  allowPrivilegeEscalation: true\n  user: \"0\"\n");
        assertEquals("sc:\n  allowPrivilegeEscalation: false\n  user: \"0\"\n",
                d.apply(d.edits().setScalar(d.root(), List.of("sc", "allowPrivilegeEscalation"), "false")));
        assertEquals("sc:\n  allowPrivilegeEscalation: true\n  user: \"1000\"\n",
                d.apply(d.edits().setScalar(d.root(), List.of("sc", "user"), "1000")));
        assertEquals("sc:\n  allowPrivilegeEscalation: true\n  user: \"0\"\n  readOnlyRootFilesystem: true\n",
                d.apply(d.edits().setScalar(d.root(), List.of("sc", "readOnlyRootFilesystem"), "true")));
    }

    @Test
    void removesAnEntryWithItsLinesAndALeadingBlankLine() {
        Doc d = doc("version: \"3.8\"\n\nservices:\n  web:\n    image: nginx:1.25\n");
        String out = d.apply(d.edits().removeEntry(d.root(), d.root().entry("version")));
        assertEquals("services:\n  web:\n    image: nginx:1.25\n", out);
        reparse(out);

        d = doc("a: 1\nb:\n  - x\n  - y\nc: 3\n");
        out = d.apply(d.edits().removeEntry(d.root(), d.root().entry("b")));
        assertEquals("a: 1\nc: 3\n", out);
    }

    @Test
    void removesTheFirstEntryOfASequenceItemAndFlowEntries() {
        Doc d = doc("- a: 1\n  b: 2\n");
        YMap item = d.yaml().documents().get(0).root().asSeq().items().get(0).asMap();
        assertEquals("- b: 2\n", d.apply(d.edits().removeEntry(item, item.entry("a"))));

        d = doc("m: {a: 1, b: 2, c: 3}\n");
        YMap m = d.root().get("m").asMap();
        assertEquals("m: {a: 1, c: 3}\n", d.apply(d.edits().removeEntry(m, m.entry("b"))));
        assertEquals("m: {a: 1, b: 2}\n", d.apply(d.edits().removeEntry(m, m.entry("c"))));
        assertEquals("m: {b: 2, c: 3}\n", d.apply(d.edits().removeEntry(m, m.entry("a"))));
    }

    @Test
    void flowAndJsonMappingsGetInlineEntries() {
        String json = "{\n  \"spec\": {\n    \"containers\": [\n      {\n        \"name\": \"api\",\n"
                + "        \"image\": \"api:1\"\n      }\n    ]\n  }\n}\n";
        Doc d = doc(json);
        YMap c = d.root().at("spec", "containers").asSeq().items().get(0).asMap();
        String out = d.apply(d.edits().ensure(c, List.of("securityContext"), "allowPrivilegeEscalation: false\nrunAsUser: 1000"));
        assertTrue(out.contains("\"image\": \"api:1\",\n        \"securityContext\": {\"allowPrivilegeEscalation\": false, \"runAsUser\": 1000}\n"), out);
        assertEquals("false", reparse(out).at("spec").asMap().get("containers").asSeq().items().get(0)
                .at("securityContext", "allowPrivilegeEscalation").text());

        d = doc("p: {target: 5432, published: 5432}\n");
        out = d.apply(d.edits().insertEntries(d.root().get("p").asMap(), "host_ip: 127.0.0.1"));
        assertEquals("p: {target: 5432, published: 5432, host_ip: 127.0.0.1}\n", out);

        d = doc("{\"a\": {}}");
        out = d.apply(d.edits().ensure(d.root(), List.of("a"), "restart: unless-stopped"));
        assertEquals("{\"a\": {\"restart\": \"unless-stopped\"}}", out);
        reparse(out);
    }

    @Test
    void appendsSequenceItems() {
        Doc d = doc("s:\n  security_opt:\n    - label:disable\n  x: 1\n");
        YSeq seq = d.root().at("s", "security_opt").asSeq();
        String out = d.apply(d.edits().appendItem(seq, "no-new-privileges:true"));
        assertEquals("s:\n  security_opt:\n    - label:disable\n    - no-new-privileges:true\n  x: 1\n", out);
        assertEquals("no-new-privileges:true", reparse(out).at("s", "security_opt").asSeq().items().get(1).text());

        d = doc("s: [a, b]\n");
        assertEquals("s: [a, b, c]\n", d.apply(d.edits().appendItem(d.root().get("s").asSeq(), "c")));
        d = doc("s: []\n");
        assertEquals("s: [c]\n", d.apply(d.edits().appendItem(d.root().get("s").asSeq(), "c")));
    }

    @Test
    void replacesAValueWithABlock() {
        Doc d = doc("web:\n  depends_on: [db, redis]\n  image: x\n");
        YMap web = d.root().get("web").asMap();
        String out = d.apply(d.edits().replaceValue(web, web.entry("depends_on"),
                "db:\n  condition: service_healthy\nredis:\n  condition: service_started"));
        assertEquals("web:\n  depends_on:\n    db:\n      condition: service_healthy\n    redis:\n"
                + "      condition: service_started\n  image: x\n", out);

        d = doc("web:\n  depends_on: # wait for these\n    - db\n  image: x\n");
        web = d.root().get("web").asMap();
        out = d.apply(d.edits().replaceValue(web, web.entry("depends_on"), "db:\n  condition: service_healthy"));
        assertEquals("web:\n  depends_on: # wait for these\n    db:\n      condition: service_healthy\n  image: x\n", out);
        assertEquals("service_healthy", reparse(out).at("web", "depends_on", "db", "condition").text());
    }

    @Test
    void aliasesAreRecognisedAndNotEditedThrough() {
        Doc d = doc("x-base: &base\n  restart: always\nsvc:\n  <<: *base\n  logging: *base\n");
        YMap svc = d.root().get("svc").asMap();
        assertTrue(YamlEdits.isAlias(svc.entry("logging")));
        assertNull(d.edits().replaceValue(svc, svc.entry("logging"), "a: b"));
        String out = d.apply(d.edits().insertEntries(svc, "image: x"));
        assertEquals("x-base: &base\n  restart: always\nsvc:\n  <<: *base\n  logging: *base\n  image: x\n", out);
        assertEquals("always", MergeKeys.get(reparse(out).asMap().get("svc").asMap(), "restart").text());
    }

    @Test
    void scalarQuotingIsConservative() {
        assertEquals("unless-stopped", YamlEdits.scalar("unless-stopped"));
        assertEquals("\"3\"", YamlEdits.scalar("3"));
        assertEquals("\"no\"", YamlEdits.scalar("no"));
        assertEquals("\"a: b\"", YamlEdits.scalar("a: b"));
        assertEquals("\"say \\\"hi\\\"\"", YamlEdits.jsonString("say \"hi\""));
    }
}

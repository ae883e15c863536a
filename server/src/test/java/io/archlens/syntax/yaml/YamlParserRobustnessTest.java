package io.archlens.syntax.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Parsed;
import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import org.junit.jupiter.api.Test;

/** YamlParser robustness needed by the Compose/Kubernetes packs: JSON with tabs, alias bounds. */
class YamlParserRobustnessTest {
    private static Parsed<YamlFile> parse(String text) {
        return YamlParser.parse(SourceFile.of("x.json", text, FileKind.KUBERNETES));
    }

    @Test
    void tabIndentedJsonParsesWithUnchangedOffsets() {
        String json = "{\n\t\"kind\": \"Pod\",\n\t\"items\": [\n\t\t{\"image\": \"a\\tb\"}\n\t]\n}\n";
        Parsed<YamlFile> p = parse(json);
        assertTrue(p.issues().isEmpty(), p.issues().toString());
        YNode image = p.model().documents().get(0).root().at("items").asSeq().items().get(0).at("image");
        assertEquals("a\tb", image.text(), "escaped tabs inside strings are untouched");
        assertEquals("\"a\\tb\"", json.substring(image.range().start(), image.range().end()));
        // YAML (not JSON) with tab indentation is still an error
        assertEquals(1, parse("a:\n\tb: 1\n").issues().size());
    }

    @Test
    void aWideAliasBombIsReported() {
        StringBuilder sb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'g'; c++) { // 6 levels x 10 aliases = 60 aliases, 10^7 nodes expanded
            sb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 10; i++) {
                sb.append(i == 0 ? "" : ", ").append('*').append(prev);
            }
            sb.append("]\n");
            prev = c;
        }
        Parsed<YamlFile> p = parse(sb.toString());
        assertEquals(1, p.issues().size());
        assertTrue(p.issues().get(0).message().contains("alias bomb"), p.issues().get(0).message());
    }

    @Test
    void ordinaryAnchorsAndMergeKeysAreFine() {
        String text = "x-base: &base\n  restart: always\n  logging: {driver: local}\n"
                + "services:\n  a:\n    <<: *base\n  b:\n    <<: *base\n  c:\n    <<: *base\n";
        Parsed<YamlFile> p = YamlParser.parse(SourceFile.of("compose.yaml", text, FileKind.COMPOSE));
        assertTrue(p.issues().isEmpty());
        assertEquals("always", MergeKeys.get(p.model().documents().get(0).root().at("services", "c").asMap(), "restart").text());
    }

    @Test
    void trailingTabsAreAcceptedAsKubectlDoes() {
        String text = "apiVersion: v1\t\nkind: Service\t\nmetadata:\t\n  name: ui\t \t\n";
        Parsed<YamlFile> p = YamlParser.parse(SourceFile.of("svc.yaml", text, FileKind.KUBERNETES));
        assertTrue(p.issues().isEmpty(), p.issues().toString());
        assertEquals("ui", p.model().documents().get(0).root().at("metadata", "name").text());
        assertEquals(text.length(), YamlParser.trailingTabs(text).length(), "offsets do not move");
        Parsed<YamlFile> indented = YamlParser.parse(SourceFile.of("svc.yaml", "a:\n\tb: 1\n", FileKind.KUBERNETES));
        assertTrue(!indented.issues().isEmpty(), "a tab that indents is still an error");
    }

    @Test
    void mergedEntriesOwnFirstThenMergedInOrder() {
        String text = "x-a: &a {A: 1, B: 2}\nx-b: &b {B: 3, C: 4}\nenv:\n  <<: [*a, *b]\n  B: own\n  D: 5\n";
        Parsed<YamlFile> p = YamlParser.parse(SourceFile.of("compose.yaml", text, FileKind.COMPOSE));
        java.util.List<YEntry> e = MergeKeys.entries(p.model().documents().get(0).root().at("env").asMap());
        assertEquals(java.util.List.of("B", "D", "A", "C"), e.stream().map(YEntry::keyText).toList());
        assertEquals("own", e.get(0).value().text(), "the mapping's own entry wins over merged ones");
    }

    @Test
    void manyOrdinaryAliasesAreNotMistakenForABomb() {
        StringBuilder sb = new StringBuilder("x-log: &log {driver: json-file, options: {max-size: 10m}}\n"
                + "x-base: &base {restart: always, cap_drop: [ALL]}\nservices:\n");
        for (int i = 0; i < 150; i++) { // 300 collection aliases, each expanded once
            sb.append("  s").append(i).append(":\n    <<: *base\n    logging: *log\n    image: a:1\n");
        }
        Parsed<YamlFile> p = YamlParser.parse(SourceFile.of("compose.yaml", sb.toString(), FileKind.COMPOSE));
        assertTrue(p.issues().isEmpty(), p.issues().toString());
        assertEquals(150, p.model().documents().get(0).root().at("services").asMap().entries().size());
    }
}

package io.archlens.syntax.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.ParseIssue;
import io.archlens.analysis.Parsed;
import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import org.junit.jupiter.api.Test;

class YamlParserTest {
    private static Parsed<YamlFile> parse(String text) {
        return YamlParser.parse(SourceFile.of("a.yaml", text, FileKind.KUBERNETES));
    }

    private static String slice(String text, YNode n) {
        return text.substring(n.range().start(), n.range().end());
    }

    @Test
    void exactRangesWithEmojiCjkAndCrlf() {
        String text = "a: \"😀日本\"\r\nb:\r\n  c: value\r\n";
        Parsed<YamlFile> p = parse(text);
        assertTrue(p.issues().isEmpty(), p.issues().toString());
        YMap root = p.model().documents().get(0).root().asMap();
        assertEquals("\"😀日本\"", slice(text, root.get("a")));
        assertEquals("😀日本", root.getText("a"));
        assertEquals("value", slice(text, root.at("b", "c")));
        assertEquals("c", slice(text, root.get("b").asMap().entry("c").key()));
    }

    @Test
    void multiDocumentAndJson() {
        Parsed<YamlFile> p = parse("kind: A\n---\nkind: B\n---\n{\"kind\": \"C\", \"x\": [1, 2]}\n");
        assertEquals(3, p.model().documents().size());
        assertEquals("C", p.model().documents().get(2).root().asMap().getText("kind"));
        assertEquals(2, p.model().documents().get(2).root().at("x").asSeq().size());
    }

    @Test
    void duplicateKeysAreReportedAtTheSecondKey() {
        String text = "a: 1\nb: 2\na: 3\n";
        Parsed<YamlFile> p = parse(text);
        assertEquals(1, p.issues().size());
        ParseIssue i = p.issues().get(0);
        assertEquals("archlens/duplicate-key", i.ruleId());
        assertEquals(text.lastIndexOf("a:"), i.range().start());
        assertEquals("3", p.model().documents().get(0).root().asMap().getText("a"));
    }

    @Test
    void tabIndentationIsASyntaxErrorAtTheTab() {
        String text = "services:\n  web:\n\timage: x\n";
        Parsed<YamlFile> p = parse(text);
        assertEquals(1, p.issues().size());
        assertEquals("archlens/syntax-error", p.issues().get(0).ruleId());
        assertEquals(2, SourceFile.of("a", text, FileKind.COMPOSE).lines().lineOf(p.issues().get(0).range().start()));
        assertFalse(p.model().complete());
    }

    @Test
    void documentsBeforeASyntaxErrorSurvive() {
        Parsed<YamlFile> p = parse("kind: A\n---\nkind: [\n");
        assertEquals(1, p.model().documents().size());
        assertEquals(1, p.issues().size());
    }

    @Test
    void billionLaughsIsReportedNotExpanded() {
        StringBuilder sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            sb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                sb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            sb.append("]\n");
        }
        Parsed<YamlFile> p = parse(sb.toString());
        assertEquals(1, p.issues().size(), p.issues().toString());
        assertTrue(p.issues().get(0).message().contains("alias"), p.issues().get(0).message());
    }

    @Test
    void aliasesResolveToTheAnchoredNode() {
        Parsed<YamlFile> p = parse("base: &b {image: x}\nweb:\n  <<: *b\n  ports: [80]\n");
        assertTrue(p.issues().isEmpty(), p.issues().toString());
        YMap root = p.model().documents().get(0).root().asMap();
        assertNotNull(root.at("web", "<<", "image"));
    }

    @Test
    void hugeInputParses() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 250_000; i++) {
            sb.append("k").append(i).append(": v").append(i).append('\n');
        }
        Parsed<YamlFile> p = parse(sb.toString());
        assertTrue(p.issues().isEmpty(), "no alias-bomb report for a big file without aliases");
        assertEquals(250_000, p.model().documents().get(0).root().asMap().entries().size());
    }
}

package io.archlens.syntax.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Parsed;
import io.archlens.analysis.SourceFile;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpringYamlReaderTest {
    private static Parsed<SpringConfig> parse(String path, String text) {
        return SpringYamlReader.parse(SourceFile.of(path, text, FileKind.SPRING_YAML));
    }

    private static SpringConfig model(String text) {
        return parse("src/main/resources/application.yml", text).model();
    }

    private static String slice(String text, TextRange r) {
        return text.substring(r.start(), r.end());
    }

    @Test
    void nestedMappingsFlattenToDottedKeysWithRanges() {
        String t = "spring:\n  jpa:\n    show-sql: true\n    open-in-view: \"false\"\n";
        SpringDocument d = model(t).documents().get(0);
        SpringProperty p = d.get("spring.jpa.showsql");
        assertEquals("spring.jpa.show-sql", p.key());
        assertEquals("show-sql", slice(t, p.keyRange()));
        assertEquals("true", slice(t, p.valueRange()));
        SpringProperty q = d.get("spring.jpa.openinview");
        assertEquals("false", q.value());
        assertTrue(q.quoted());
        assertEquals("\"false\"", slice(t, q.valueRange()));
        assertEquals("jpa", slice(t, d.prefixRange("spring.jpa")));
    }

    @Test
    void listsGetIndicesBlockAndFlow() {
        String t = "a:\n  list:\n    - x\n    - name: y\n      port: 1\n  flow: [p, q]\n";
        SpringDocument d = model(t).documents().get(0);
        assertEquals("x", d.get("a.list[0]").value());
        assertEquals("a.list[1].name", d.get("a.list[1].name").key());
        assertEquals("1", d.get("a.list[1].port").value());
        assertEquals("x", slice(t, d.get("a.list[0]").keyRange()));
        assertTrue(d.get("a.flow[1]").flow());
        assertEquals(List.of("p", "q"), d.list("a.flow", t).stream().map(SpringDocument.Item::value).toList());
    }

    @Test
    void dottedYamlKeysAndTheirPrefixes() {
        String t = "spring.jpa.show-sql: true\nserver:\n  servlet.context-path: /api\n";
        SpringDocument d = model(t).documents().get(0);
        assertEquals("true", d.get("spring.jpa.showsql").value());
        assertEquals("spring.jpa", slice(t, d.prefixRange("spring.jpa")));
        assertEquals("/api", d.get("server.servlet.contextpath").value());
        assertEquals("servlet", slice(t, d.prefixRange("server.servlet")));
    }

    @Test
    void relaxedSpellingsLandOnOneCanonicalKey() {
        String t = "spring:\n  jpa:\n    openInView: false\n    open_in_view: true\n";
        SpringDocument d = model(t).documents().get(0);
        assertEquals(2, d.all("spring.jpa.openinview").size());
        assertEquals("true", d.get("spring.jpa.openinview").value());
    }

    @Test
    void multiDocumentProfiles() {
        String t = "a: 1\n---\nspring:\n  config:\n    activate:\n      on-profile: prod\na: 2\n---\n"
                + "spring.profiles: dev\na: 3\n---\nspring.config.activate.on-profile: [test, local]\na: 4\n";
        SpringConfig c = model(t);
        assertEquals(4, c.documents().size());
        assertTrue(c.documents().get(0).unconditional());
        assertEquals("prod", c.documents().get(1).activation());
        assertFalse(c.documents().get(1).devOnly());
        assertTrue(c.documents().get(2).devOnly());
        assertTrue(c.documents().get(3).devOnly());
        assertEquals("1", c.effective(c.documents().get(1), "b") == null ? "1" : "x");
        assertEquals("2", c.effective(c.documents().get(1), "a").value());
    }

    @Test
    void effectiveLooksIntoProfileIndependentDocuments() {
        String t = "x:\n  timeout: 5\n---\nspring.config.activate.on-profile: prod\ny: 1\n";
        SpringConfig c = model(t);
        assertEquals("5", c.effective(c.documents().get(1), "x.timeout").value());
    }

    @Test
    void mergeKeysAreFollowedAndMarked() {
        String t = "base: &b\n  timeout: 5\nclient:\n  <<: *b\n  url: http://x\n";
        SpringDocument d = model(t).documents().get(0);
        SpringProperty p = d.get("client.timeout");
        assertNotNull(p);
        assertTrue(p.merged());
        assertFalse(d.get("client.url").merged());
    }

    @Test
    void exactDuplicatesInOneMappingAreMarked() {
        String t = "spring:\n  jpa:\n    show-sql: true\n  jpa:\n    show-sql: false\n";
        Parsed<SpringConfig> p = parse("application.yml", t);
        assertEquals(1, p.issues().size(), "the YAML parser reports the duplicate");
        List<SpringProperty> all = p.model().documents().get(0).all("spring.jpa.showsql");
        assertEquals(2, all.size());
        assertFalse(all.get(0).exactDuplicate());
        assertTrue(all.get(1).exactDuplicate());
    }

    @Test
    void nullValuesGetAnEmptyRangeAfterTheColon() {
        String t = "a:\n  b:\nc: 1\n";
        SpringDocument d = model(t).documents().get(0);
        SpringProperty b = d.get("a.b");
        assertEquals("", b.value());
        assertEquals(t.indexOf("b:") + 2, b.valueRange().start());
        assertTrue(b.valueRange().isEmpty());
    }

    @Test
    void rangesWithCrlfTabsEmojiAndCjk() {
        String t = "app:\r\n  greeting: \"你好 😀\"\r\n  名前: 値\r\n";
        SpringConfig c = model(t);
        SpringDocument d = c.documents().get(0);
        assertEquals("\"你好 😀\"", slice(t, d.get("app.greeting").valueRange()));
        assertEquals("你好 😀", d.get("app.greeting").value());
        assertEquals("名前", slice(t, d.get("app.名前").keyRange()));
        assertEquals("値", slice(t, d.get("app.名前").valueRange()));
        assertEquals("\r\n", c.eol());
    }

    @Test
    void badInputReturnsIssuesAndAModel() {
        String[] inputs = {"a: [1, 2", "a: \"unterminated\nb: 1", "a:\n  - b\n c: d", "{", "---\n---\n", ":", "a: *nope"};
        for (String in : inputs) {
            Parsed<SpringConfig> p = parse("application.yml", in);
            assertNotNull(p.model(), in);
        }
        assertFalse(parse("application.yml", "a: [1, 2").issues().isEmpty());
    }

    @Test
    void aliasExpansionIsBounded() {
        StringBuilder sb = new StringBuilder("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 9; i++) {
            sb.append("l").append(i).append(": &l").append(i).append(" [");
            for (int k = 0; k < 10; k++) {
                sb.append(k == 0 ? "" : ", ").append("*l").append(i - 1);
            }
            sb.append("]\n");
        }
        Parsed<SpringConfig> p = parse("application.yml", sb.toString());
        assertNotNull(p.model());
        int count = p.model().documents().isEmpty() ? 0 : p.model().documents().get(0).properties().size();
        assertTrue(count <= SpringYamlReader.MAX_PROPERTIES_PER_DOCUMENT, "count " + count);
        assertTrue(p.issues().stream().anyMatch(i -> i.message().contains("expands to more than")
                || i.message().toLowerCase(java.util.Locale.ROOT).contains("alias")), p.issues().toString());
    }

    @Test
    void hugeYamlIsFlattened() {
        StringBuilder sb = new StringBuilder("app:\n");
        for (int i = 0; i < 20_000; i++) {
            sb.append("  key").append(i).append(":\n    value: ").append(i).append('\n');
        }
        SpringDocument d = model(sb.toString()).documents().get(0);
        assertEquals(20_000, d.properties().size());
        assertEquals("19999", d.get("app.key19999.value").value());
    }
}

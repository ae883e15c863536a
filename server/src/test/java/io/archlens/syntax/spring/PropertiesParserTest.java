package io.archlens.syntax.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.ParseIssue;
import io.archlens.analysis.Parsed;
import io.archlens.analysis.Severity;
import io.archlens.analysis.SourceFile;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class PropertiesParserTest {
    private static Parsed<SpringConfig> parse(String path, String text) {
        return PropertiesParser.parse(SourceFile.of(path, text, FileKind.SPRING_PROPERTIES));
    }

    private static SpringConfig model(String text) {
        return parse("src/main/resources/application.properties", text).model();
    }

    private static String slice(String text, TextRange r) {
        return text.substring(r.start(), r.end());
    }

    @Test
    void separatorsEqualsColonAndWhitespace() {
        String t = "a=1\nb:2\nc 3\nd = 4\ne\t:\t5\nf\n  g  =  spaced value  \n";
        SpringDocument d = model(t).documents().get(0);
        assertEquals("1", d.get("a").value());
        assertEquals("2", d.get("b").value());
        assertEquals("3", d.get("c").value());
        assertEquals("4", d.get("d").value());
        assertEquals("5", d.get("e").value());
        assertEquals("", d.get("f").value());
        assertEquals("spaced value", d.get("g").value());
        assertEquals("g", slice(t, d.get("g").keyRange()));
        assertEquals("spaced value", slice(t, d.get("g").valueRange()));
        // a key alone: an empty value right after the key
        assertTrue(d.get("f").valueRange().isEmpty());
        assertEquals(d.get("f").keyRange().end(), d.get("f").valueRange().start());
    }

    @Test
    void onlyTheFirstSeparatorCountsTheRestIsValue() {
        String t = "url=jdbc:postgresql://db:5432/shop?a=b\nk::v\n";
        SpringDocument d = model(t).documents().get(0);
        assertEquals("jdbc:postgresql://db:5432/shop?a=b", d.get("url").value());
        assertEquals(":v", d.get("k").value());
    }

    @Test
    void continuationsJoinLinesAndDropLeadingBlanks() {
        String t = "list=a,\\\n    b,\\\n\tc\nnext=1\n";
        SpringDocument d = model(t).documents().get(0);
        SpringProperty p = d.get("list");
        assertEquals("a,b,c", p.value());
        assertEquals(t.indexOf("a,"), p.valueRange().start());
        assertEquals(t.indexOf("c\nnext") + 1, p.valueRange().end());
        assertEquals("1", d.get("next").value());
    }

    @Test
    void evenBackslashesDoNotContinue() {
        String t = "path=C:\\\\temp\\\\\nother=x\n";
        SpringDocument d = model(t).documents().get(0);
        assertEquals("C:\\temp\\", d.get("path").value());
        assertEquals("x", d.get("other").value());
    }

    @Test
    void continuationLineStartingWithHashIsValueNotComment() {
        String t = "a=one\\\n# not a comment\nb=2\n";
        SpringDocument d = model(t).documents().get(0);
        assertEquals("one# not a comment", d.get("a").value());
        assertEquals(2, d.properties().size());
    }

    @Test
    void escapesAndUnicodeEscapes() {
        String t = "msg=tab\\there\\nnl \\u00e9t\\u00E9 \\= \\: \\\\ \\q\nkey\\ with\\ spaces=v\nk\\=eq=w\n";
        SpringDocument d = model(t).documents().get(0);
        assertEquals("tab\there\nnl été = : \\ q", d.get("msg").value());
        SpringProperty spaced = d.properties().get(1);
        assertEquals("key with spaces", spaced.key());
        assertEquals("key\\ with\\ spaces", slice(t, spaced.keyRange()));
        assertEquals("v", spaced.value());
        assertEquals("k=eq", d.properties().get(2).key());
        assertEquals("w", d.properties().get(2).value());
    }

    @Test
    void malformedUnicodeEscapeIsASyntaxErrorAndParsingGoesOn() {
        String t = "a=\\u12G4x\nb=2\n";
        Parsed<SpringConfig> p = parse("application.properties", t);
        assertEquals(1, p.issues().size());
        ParseIssue issue = p.issues().get(0);
        assertEquals(Severity.ERROR, issue.severity());
        assertEquals("\\u12G4", slice(t, issue.range()));
        assertEquals("2", p.model().documents().get(0).get("b").value());
    }

    @Test
    void commentsWithHashAndBang() {
        String t = "# comment=1\n! also=2\n   # indented\nreal=3\n";
        SpringDocument d = model(t).documents().get(0);
        assertEquals(1, d.properties().size());
        assertEquals("3", d.get("real").value());
    }

    @Test
    void multiDocumentSeparatorAndActivation() {
        String t = "a=1\n#---\nspring.config.activate.on-profile=prod\na=2\n!---\nspring.config.activate.on-profile=dev\n"
                + "a=3\n";
        SpringConfig c = model(t);
        assertEquals(3, c.documents().size());
        SpringDocument base = c.documents().get(0);
        SpringDocument prod = c.documents().get(1);
        SpringDocument dev = c.documents().get(2);
        assertTrue(base.unconditional());
        assertEquals("prod", prod.activation());
        assertFalse(prod.devOnly());
        assertTrue(dev.devOnly());
        assertEquals("2", prod.get("a").value());
        assertEquals(new TextRange(0, t.indexOf("#---")), base.range());
        assertEquals(t.indexOf("spring.config"), prod.range().start());
    }

    @Test
    void aCommentLikeSeparatorWithTextIsJustAComment() {
        SpringConfig c = model("a=1\n#--- not a separator\nb=2\n");
        assertEquals(1, c.documents().size());
    }

    @Test
    void profileFromFileNameAndTestScope() {
        SpringConfig prod = parse("src/main/resources/application-prod.properties", "a=1").model();
        assertEquals("prod", prod.fileProfile());
        assertFalse(prod.documents().get(0).devOnly());
        assertFalse(prod.isBaseFile());
        SpringConfig local = parse("config/application-local-docker.properties", "a=1").model();
        assertTrue(local.documents().get(0).devOnly());
        SpringConfig test = parse("src/test/resources/application.properties", "a=1").model();
        assertTrue(test.testScope());
        assertTrue(test.documents().get(0).devOnly());
        assertNull(model("a=1").fileProfile());
    }

    @Test
    void exactRangesWithCrlfTabsEmojiAndCjk() {
        String t = "# 注释\r\n\tapp.greeting\t=\t你好 😀 world\r\napp.emoji😀key=v\r\nlast=1";
        SpringDocument d = model(t).documents().get(0);
        SpringProperty g = d.get("app.greeting");
        assertNotNull(g);
        assertEquals("app.greeting", slice(t, g.keyRange()));
        assertEquals("你好 😀 world", slice(t, g.valueRange()));
        assertEquals("你好 😀 world", g.value());
        SpringProperty e = d.properties().get(1);
        assertEquals("app.emoji😀key", slice(t, e.keyRange()));
        assertEquals("v", slice(t, e.valueRange()));
        SpringProperty last = d.get("last");
        assertEquals("1", slice(t, last.valueRange()));
        assertEquals("\r\n", model(t).eol());
    }

    @Test
    void continuationWithCrlf() {
        String t = "a=x,\\\r\n   y\r\nb=z\r\n";
        SpringDocument d = model(t).documents().get(0);
        assertEquals("x,y", d.get("a").value());
        assertEquals("z", d.get("b").value());
    }

    @Test
    void prefixRangesPointIntoTheKey() {
        String t = "spring.jpa.show-sql=true\nspring.jpa.hibernate.ddl-auto=none\n";
        SpringDocument d = model(t).documents().get(0);
        assertEquals("spring.jpa", slice(t, d.prefixRange("spring.jpa")));
        assertEquals("spring", slice(t, d.prefixRange("spring")));
        assertTrue(d.hasPrefix("spring.jpa.hibernate"));
        assertFalse(d.hasPrefix("spring.datasource"));
    }

    @Test
    void listsInBothSpellings() {
        String t = "a.include=health, info ,env\nb.include[0]=x\nb.include[1]=y\n";
        SpringDocument d = model(t).documents().get(0);
        List<SpringDocument.Item> a = d.list("a.include", t);
        assertEquals(List.of("health", "info", "env"), a.stream().map(SpringDocument.Item::value).toList());
        assertEquals("info", slice(t, a.get(1).range()));
        List<SpringDocument.Item> b = d.list("b.include", t);
        assertEquals(List.of("x", "y"), b.stream().map(SpringDocument.Item::value).toList());
    }

    @Test
    void badInputNeverThrows() {
        String[] inputs = {"", "\\", "=", "a=\\", "a=\\u", "a=\\u00", "\\\n\\\n\\", "#---", "\uFEFFa=1",
            "key\\", ":::", "a=\r", "\r\r\n\n"};
        for (String in : inputs) {
            Parsed<SpringConfig> p = parse("application.properties", in);
            assertNotNull(p.model(), in);
            assertFalse(p.model().documents().isEmpty(), in);
        }
        assertEquals("1", model("\uFEFFa=1").documents().get(0).get("a").value());
        Parsed<SpringConfig> noKey = parse("application.properties", "=orphan\n");
        assertEquals(1, noKey.issues().size());
        assertEquals(Severity.WARNING, noKey.issues().get(0).severity());
    }

    @Test
    void hugeFileIsReadCompletely() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 60_000; i++) {
            sb.append("app.key").append(i).append('=').append("value ").append(i).append(i % 7 == 0 ? "\\\n  more" : "")
                    .append('\n');
        }
        SpringDocument d = model(sb.toString()).documents().get(0);
        assertEquals(60_000, d.properties().size());
        assertEquals("value 7more", d.get("app.key7").value());
    }

    @Test
    void aKeyWithAnUnclosedBracketIsReportedOnItsLineAndTheRestIsRead() {
        String t = "my.map[=1\nserver.port=8080\nother[x=2\n";
        Parsed<SpringConfig> p = parse("application.properties", t);
        assertEquals(2, p.issues().size(), p.issues().toString());
        assertEquals("my.map[", slice(t, p.issues().get(0).range()));
        assertEquals(Severity.WARNING, p.issues().get(0).severity());
        SpringDocument d = p.model().documents().get(0);
        assertEquals("8080", d.get("server.port").value());
        assertTrue(d.hasPrefix("server"));
        assertEquals("my.map.[]", RelaxedNames.canonical("my.map["));
    }

    @Test
    void aKeyOfFiftyThousandSegmentsIsReadInLinearTime() {
        String key = "a" + ".b".repeat(50_000);
        SpringConfig c = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                () -> model(key + "=1\nserver.port=1\n"));
        SpringDocument d = c.documents().get(0);
        assertEquals("1", d.get(key).value());
        assertTrue(d.hasPrefix("a.b.b"));
        assertTrue(d.hasPrefix(RelaxedNames.canonical(key)), "the key itself is always recorded");
    }
}

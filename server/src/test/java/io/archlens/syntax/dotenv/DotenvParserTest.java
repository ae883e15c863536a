package io.archlens.syntax.dotenv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.core.LineIndex;
import io.archlens.core.Position;
import io.archlens.core.TextRange;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DotenvParserTest {
    private static DotenvFile parse(String s) {
        return DotenvParser.parse(s).model();
    }

    private static String slice(String t, TextRange r) {
        return t.substring(r.start(), r.end());
    }

    @Test
    void simpleAssignmentsWithExactRanges() {
        String t = "# comment\nAPP=shop\n\n  PORT=8080 # inline\nEMPTY=\n";
        DotenvFile f = parse(t);
        assertEquals(3, f.entries().size());
        DotenvEntry app = f.entries().get(0);
        assertEquals("APP", app.key());
        assertEquals("shop", app.value());
        assertEquals(1, app.line());
        DotenvEntry port = f.entries().get(1);
        assertEquals("PORT", slice(t, port.keyRange()));
        assertEquals("8080", slice(t, port.valueRange()));
        assertEquals(3, port.line());
        DotenvEntry empty = f.entries().get(2);
        assertEquals("", empty.value());
        assertTrue(empty.valueRange().isEmpty());
        assertTrue(f.invalidLines().isEmpty());
    }

    @Test
    void hashInsideAnUnquotedValueIsKeptUnlessAfterWhitespace() {
        DotenvFile f = parse("COLOR=#ff0000\nURL=http://x/#frag # note\n");
        assertEquals("#ff0000", f.entries().get(0).value());
        assertEquals("http://x/#frag", f.entries().get(1).value());
    }

    @Test
    void exportPrefixAndSpacesAroundEquals() {
        String t = "export  KEY = value\nexport=1\n";
        DotenvFile f = parse(t);
        DotenvEntry e = f.entries().get(0);
        assertTrue(e.exported());
        assertEquals("export", slice(t, e.exportRange()));
        assertEquals("KEY", e.key());
        assertEquals(" ", slice(t, e.spaceBefore()));
        assertEquals(" ", slice(t, e.spaceAfter()));
        assertEquals("value", e.value());
        DotenvEntry named = f.entries().get(1);
        assertFalse(named.exported());
        assertEquals("export", named.key());
    }

    @Test
    void quotedValuesDecodeEscapes() {
        String t = "A=\"line\\nnext \\\"q\\\"\"\nB='it''s'\nC='a \\'b\\''\nD=`tick`\n";
        DotenvFile f = parse(t);
        assertEquals("line\nnext \"q\"", f.entries().get(0).value());
        assertEquals('"', f.entries().get(0).quote());
        assertEquals(DotenvEntry.QuoteProblem.TRAILING_TEXT, f.entries().get(1).problem());
        assertEquals("a 'b'", f.entries().get(2).value());
        assertEquals("tick", f.entries().get(3).value());
        assertEquals('`', f.entries().get(3).quote());
    }

    @Test
    void multiLineQuotedValues() {
        String t = "KEY=\"-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\"\nNEXT=1\n";
        DotenvFile f = parse(t);
        assertEquals(2, f.entries().size());
        DotenvEntry k = f.entries().get(0);
        assertTrue(k.multiline());
        assertEquals(0, k.line());
        assertEquals(2, k.lastLine());
        assertTrue(k.value().contains("\nMIIE\n"));
        assertEquals(DotenvEntry.QuoteProblem.NONE, k.problem());
        assertEquals(3, f.entries().get(1).line());
    }

    @Test
    void unterminatedQuoteStopsAtTheNextAssignment() {
        String t = "A=\"open\nB=2\nC='x\n";
        DotenvFile f = parse(t);
        assertEquals(3, f.entries().size());
        DotenvEntry a = f.entries().get(0);
        assertEquals(DotenvEntry.QuoteProblem.UNTERMINATED, a.problem());
        assertEquals(new TextRange(2, 3), a.problemRange());
        assertEquals("open", a.value());
        assertEquals("2", f.entries().get(1).value());
        assertEquals(DotenvEntry.QuoteProblem.UNTERMINATED, f.entries().get(2).problem());
    }

    @Test
    void forgottenQuoteClosingOnALaterLineWithGarbageIsUnterminated() {
        DotenvFile f = parse("A=\"one\nsome text \"x\" tail\nB=2\n");
        assertEquals(DotenvEntry.QuoteProblem.UNTERMINATED, f.entries().get(0).problem());
        assertEquals("B", f.entries().get(f.entries().size() - 1).key());
    }

    @Test
    void invalidLines() {
        String t = "JUST_A_WORD\nPORT: 80\n  \n";
        DotenvFile f = parse(t);
        assertEquals(2, f.invalidLines().size());
        assertFalse(f.invalidLines().get(0).colon());
        assertEquals("JUST_A_WORD", slice(t, f.invalidLines().get(0).range()));
        assertTrue(f.invalidLines().get(1).colon());
        assertEquals(1, f.invalidLines().get(1).line());
    }

    @Test
    void positionsWithCrlfTabsEmojiAndCjk() {
        String t = "\tGREETING=\"h\u00e9llo \ud83d\ude80 \u4e16\u754c\"\r\nNEXT=\u4e16\r\n";
        DotenvFile f = parse(t);
        LineIndex li = LineIndex.of(t);
        DotenvEntry g = f.entries().get(0);
        assertEquals(new Position(0, 1), li.position(g.keyRange().start()));
        assertEquals("h\u00e9llo \ud83d\ude80 \u4e16\u754c", g.value());
        assertEquals(new Position(0, 10), li.position(g.valueRange().start()));
        assertEquals(new Position(0, 10 + 13), li.position(g.valueRange().end()));
        DotenvEntry n = f.entries().get(1);
        assertEquals(1, n.line());
        assertEquals("\u4e16", n.value());
        assertEquals(new Position(1, 5), li.position(n.valueRange().start()));
    }

    @Test
    void crlfMultiLineValue() {
        DotenvFile f = parse("A=\"x\r\ny\"\r\nB=1\r\n");
        assertEquals("x\r\ny", f.entries().get(0).value());
        assertEquals(1, f.entries().get(0).lastLine());
        assertEquals(2, f.entries().get(1).line());
    }

    @Test
    void hugeFileOf100kLines() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            sb.append("KEY_").append(i).append("=\"value number ").append(i).append("\" # c\n");
        }
        DotenvFile f = parse(sb.toString());
        assertEquals(100_000, f.entries().size());
        assertEquals(99_999, f.entries().get(99_999).line());
    }

    @Test
    void manyUnterminatedQuotesStayLinear() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            sb.append(i % 2 == 0 ? "A=\"open\n" : "text without quotes\n");
        }
        DotenvFile f = parse(sb.toString());
        assertEquals(50_000, f.entries().size());
        assertTrue(f.entries().stream().allMatch(e -> e.problem() == DotenvEntry.QuoteProblem.UNTERMINATED));
    }

    @Test
    void neverThrowsOnRandomAndTruncatedInput() {
        String real = "export A=1\nB=\"x\ny\"\nC='z' # c\nD = `q`\nE\nF: 2\n";
        for (int i = 0; i <= real.length(); i++) {
            assertNotNull(parse(real.substring(0, i)));
        }
        Random r = new Random(7);
        String alphabet = "AB=\"'` #\n\r\texport\\";
        for (int n = 0; n < 3000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(120);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            DotenvFile f = parse(sb.toString());
            for (DotenvEntry e : f.entries()) {
                assertTrue(e.valueRange().end() <= sb.length());
                assertTrue(e.keyRange().start() <= e.equalsOffset());
            }
        }
    }

    @Test
    void emptyAndBomInput() {
        assertTrue(parse("").entries().isEmpty());
        DotenvFile f = parse("\ufeffKEY=1\n");
        assertEquals(List.of("KEY"), f.entries().stream().map(DotenvEntry::key).toList());
        assertNull(f.entries().get(0).problemRange());
    }
}

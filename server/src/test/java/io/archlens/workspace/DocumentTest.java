package io.archlens.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.archlens.core.Position;
import io.archlens.filekind.FileKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentTest {
    private static Document.Change change(int l1, int c1, int l2, int c2, String text) {
        return new Document.Change(new Position(l1, c1), new Position(l2, c2), text);
    }

    @Test
    void multiLineIncrementalEditWithCrlf() {
        Document d = Document.open("file:///w/Dockerfile", "Dockerfile", 1, "FROM a\r\nRUN b\r\nCMD c\r\n");
        Document e = d.apply(2, List.of(change(0, 5, 1, 5, "x\r\nRUN y")));
        assertEquals("FROM x\r\nRUN y\r\nCMD c\r\n", e.text());
        assertEquals(2, e.version());
        assertEquals(FileKind.DOCKERFILE, e.kind());
    }

    @Test
    void editsAreAppliedInOrderEachOnThePreviousResult() {
        Document d = Document.open("file:///w/x.sql", "x.sql", 1, "abc");
        Document e = d.apply(2, List.of(change(0, 3, 0, 3, "\ndef"), change(1, 0, 1, 3, "DEF")));
        assertEquals("abc\nDEF", e.text());
    }

    @Test
    void surrogatePairsCountAsTwoColumns() {
        Document d = Document.open("file:///w/Dockerfile", "Dockerfile", 1, "LABEL x=\"😀\" y=1\n");
        // replace "y" which is at UTF-16 column 13 (the emoji occupies columns 9 and 10)
        Document e = d.apply(2, List.of(change(0, 13, 0, 14, "z")));
        assertEquals("LABEL x=\"😀\" z=1\n", e.text());
    }

    @Test
    void fullReplacementWithoutRange() {
        Document d = Document.open("file:///w/a.yml", "a.yml", 1, "x: 1\n");
        Document e = d.apply(2, List.of(new Document.Change(null, null, "services:\n  db:\n    image: postgres\n")));
        assertEquals(FileKind.COMPOSE, e.kind(), "kind follows content for YAML");
    }

    @Test
    void lineIndexFollowsEdits() {
        Document d = Document.open("file:///w/Dockerfile", "Dockerfile", 1, "FROM a\n");
        Document e = d.apply(2, List.of(change(1, 0, 1, 0, "USER app\n")));
        assertEquals(3, e.lines().lineCount());
        assertEquals("USER app", e.lines().lineText(1));
    }

    @Test
    void theLspMaximumCharacterMeansEndOfLineAndNeverDropsTheEdit() {
        Document d = Document.open("file:///w/Dockerfile", "Dockerfile", 1, "FROM a\nRUN b\nCMD c\n");
        Document e = d.apply(2, List.of(change(1, 0, 1, Integer.MAX_VALUE, "RUN make")));
        assertEquals("FROM a\nRUN make\nCMD c\n", e.text());
        Document f = e.apply(3, List.of(change(0, Integer.MAX_VALUE, 0, Integer.MAX_VALUE, " AS build")));
        assertEquals("FROM a AS build\nRUN make\nCMD c\n", f.text());
        Document g = f.apply(4, List.of(change(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, 0, "# end\n")));
        assertEquals("FROM a AS build\nRUN make\nCMD c\n# end\n", g.text());
    }

    @Test
    void reversedAndNegativeRangesAreClampedNotDropped() {
        Document d = Document.open("file:///w/x.sql", "x.sql", 1, "abc\ndef\n");
        assertEquals("abXf\n", d.apply(2, List.of(change(1, 2, 0, 2, "X"))).text());
        assertEquals("Xabc\ndef\n", d.apply(2, List.of(change(-5, -1, -1, -7, "X"))).text());
        assertEquals("abc\ndef\n", d.apply(2, List.of(change(0, 0, 0, 0, null))).text());
    }
}

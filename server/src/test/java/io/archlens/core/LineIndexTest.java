package io.archlens.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LineIndexTest {
    @Test
    void countsUtf16CodeUnitsForEmojiAndCjk() {
        // "😀" is two UTF-16 code units, "日本" two single units
        LineIndex li = LineIndex.of("a😀b\n日本x");
        assertEquals(new Position(0, 3), li.position(3)); // after the surrogate pair
        assertEquals(4, li.offset(0, 4));
        assertEquals(new Position(1, 2), li.position(li.lineStart(1) + 2));
        assertEquals('x', li.text().charAt(li.offset(1, 2)));
    }

    @Test
    void crlfAndLoneCrAreLineBreaks() {
        LineIndex li = LineIndex.of("one\r\ntwo\rthree\nfour");
        assertEquals(4, li.lineCount());
        assertEquals("two", li.lineText(1));
        assertEquals("three", li.lineText(2));
        assertEquals(new Position(1, 0), li.position(5));
        assertEquals(3, li.lineEnd(0));
        assertEquals(5, li.lineEndIncludingBreak(0));
        // a character past the end of a line clamps to the line end, not into the next line
        assertEquals(3, li.offset(0, 99));
    }

    @Test
    void tabsCountAsOneUnit() {
        LineIndex li = LineIndex.of("\t\tRUN x");
        assertEquals(new Position(0, 2), li.position(2));
    }

    @Test
    void positionInsideSurrogatePairMovesToItsStart() {
        LineIndex li = LineIndex.of("😀z");
        assertEquals(0, li.offset(0, 1));
        assertEquals(2, li.offset(0, 2));
    }

    @Test
    void codePointColumnsConvertToUtf16() {
        LineIndex li = LineIndex.of("k: 😀😀 v\n");
        // code point column 5 is the space after the two emoji: UTF-16 offset 3 + 4 = 7
        assertEquals(7, li.offsetOfCodePointColumn(0, 5));
    }

    @Test
    void emptyTextAndTrailingNewline() {
        LineIndex empty = LineIndex.of("");
        assertEquals(1, empty.lineCount());
        assertEquals(new Position(0, 0), empty.position(10));
        LineIndex trailing = LineIndex.of("a\n");
        assertEquals(2, trailing.lineCount());
        assertEquals(new Position(1, 0), trailing.position(2));
    }
}

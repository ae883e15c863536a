package io.archlens.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.archlens.core.TextRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixesTest {
    @Test
    void appliesEditsInAnyOrder() {
        String out = Fixes.apply("abcdef", List.of(Edit.replace(new TextRange(4, 5), "E"), Edit.insert(0, ">"),
                Edit.delete(new TextRange(1, 2))));
        assertEquals(">acdEf", out);
    }

    @Test
    void overlappingEditsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Fixes.apply("abcdef",
                List.of(Edit.replace(new TextRange(1, 3), "x"), Edit.replace(new TextRange(2, 4), "y"))));
    }

    @Test
    void minimalEditKeepsCommonPrefixAndSuffixWithoutSplittingSurrogates() {
        Edit e = Fixes.minimalEdit("x😀a", "x😁a");
        assertEquals(new TextRange(1, 3), e.range());
        assertEquals("😁", e.newText());
        Edit same = Fixes.minimalEdit("abc", "abc");
        assertEquals(0, same.range().length());
        assertEquals("", same.newText());
        Edit ins = Fixes.minimalEdit("FROM a\nCMD b\n", "FROM a\nUSER app\nCMD b\n");
        assertEquals("FROM a\nUSER app\nCMD b\n", Fixes.apply("FROM a\nCMD b\n", List.of(ins)));
    }
}

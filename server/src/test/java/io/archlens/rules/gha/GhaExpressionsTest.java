package io.archlens.rules.gha;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class GhaExpressionsTest {
    @Test
    void expressionsAreFoundInOnePassAndAnUnclosedOneEndsTheScan() {
        String text = "run: echo ${{ github.event.issue.title }} and ${{matrix.os}}\n# ${{ secrets.X }}\nx: ${{ a\ny: ${{ b }}";
        List<Gha.Expr> all = Gha.scan(text, 0, text.length());
        assertEquals(List.of("github.event.issue.title", "matrix.os", "secrets.X", "a\ny: ${{ b"),
                all.stream().map(Gha.Expr::inner).toList(), "an unclosed ${{ runs to the next }} as GitHub reads it");
        assertEquals("${{matrix.os}}", text.substring(all.get(1).range().start(), all.get(1).range().end()));
        assertEquals(List.of("github.event.issue.title", "matrix.os", "a\ny: ${{ b"),
                Gha.fileExpressions(text).stream().map(Gha.Expr::inner).toList(), "comment lines are skipped");
        String hostile = "${{ ".repeat(50_000) + "x";
        assertEquals(0, Gha.scan(hostile, 0, hostile.length()).size(), "no closing: nothing, after one search");
        int from = text.indexOf("${{matrix");
        assertEquals(1, Gha.scan(text, from, from + "${{matrix.os}}".length()).size(), "bounded by the region");
    }
}

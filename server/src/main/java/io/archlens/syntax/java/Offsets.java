package io.archlens.syntax.java;

import com.github.javaparser.JavaToken;
import com.github.javaparser.TokenRange;
import com.github.javaparser.ast.Node;
import io.archlens.core.LineIndex;
import io.archlens.core.TextRange;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * UTF-16 offsets of JavaParser's nodes. JavaParser keeps every token, whitespace and comments included, and their
 * texts concatenate to the source: a token's offset is the sum of the lengths before it. When they do not (a lexer
 * that stopped early), offsets come from the tokens' line and column (1-based, counting UTF-16 units).
 */
final class Offsets {
    private final Map<JavaToken, Integer> start = new IdentityHashMap<>();
    private final LineIndex lines;
    private final int length;
    private final boolean exact;

    Offsets(JavaToken anyToken, String text, LineIndex lines) {
        this.lines = lines;
        this.length = text.length();
        boolean ok = false;
        if (anyToken != null) {
            JavaToken t = anyToken;
            while (t.getPreviousToken().isPresent()) {
                t = t.getPreviousToken().get();
            }
            int at = 0;
            for (JavaToken x = t; x != null; x = x.getNextToken().orElse(null)) {
                start.put(x, at);
                at += x.getText().length();
            }
            ok = at == text.length();
        }
        this.exact = ok;
    }

    int start(JavaToken t) {
        if (exact) {
            Integer at = start.get(t);
            if (at != null) {
                return at;
            }
        }
        return t.getRange().map(r -> fromLineCol(r.begin.line, r.begin.column)).orElse(0);
    }

    int end(JavaToken t) {
        return Math.min(length, start(t) + t.getText().length());
    }

    TextRange range(Node n) {
        TokenRange tr = n.getTokenRange().orElse(null);
        if (tr == null) {
            return TextRange.empty(0);
        }
        int s = start(tr.getBegin());
        int e = end(tr.getEnd());
        return new TextRange(s, Math.max(s, e));
    }

    TextRange range(JavaToken t) {
        return new TextRange(start(t), end(t));
    }

    private int fromLineCol(int line, int column) {
        int l = Math.max(0, Math.min(line - 1, lines.lineCount() - 1));
        return Math.min(lines.lineEnd(l), lines.lineStart(l) + Math.max(0, column - 1));
    }
}

package io.archlens.syntax.java;

import com.github.javaparser.JavaToken;
import com.github.javaparser.TokenRange;
import com.github.javaparser.ast.Node;
import io.archlens.core.LineIndex;
import io.archlens.core.TextRange;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * UTF-16 offsets of JavaParser's nodes. JavaParser's columns are 1-based and count UTF-16 units (a tab is one), on
 * the same line breaks as {@link LineIndex}, so a token's offset is its line start plus its column; each answer is
 * checked against the text (the token's text must stand there). Where it does not (input JavaParser saw otherwise),
 * offsets come from the token stream, whose texts concatenate to the source.
 */
final class Offsets {
    private final String text;
    private final LineIndex lines;
    private final JavaToken anyToken;
    private Map<JavaToken, Integer> walked;

    Offsets(JavaToken anyToken, String text, LineIndex lines) {
        this.anyToken = anyToken;
        this.text = text;
        this.lines = lines;
    }

    synchronized int start(JavaToken t) {
        int at = t.getRange().map(r -> fromLineCol(r.begin.line, r.begin.column)).orElse(-1);
        if (at >= 0 && text.startsWith(t.getText(), at)) {
            return at;
        }
        Integer w = walked().get(t);
        return w != null ? w : Math.max(0, at);
    }

    int end(JavaToken t) {
        return Math.min(text.length(), start(t) + t.getText().length());
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

    private Map<JavaToken, Integer> walked() {
        if (walked == null) {
            walked = new IdentityHashMap<>();
            if (anyToken != null) {
                JavaToken t = anyToken;
                while (t.getPreviousToken().isPresent()) {
                    t = t.getPreviousToken().get();
                }
                int at = 0;
                for (JavaToken x = t; x != null; x = x.getNextToken().orElse(null)) {
                    walked.put(x, at);
                    at += x.getText().length();
                }
            }
        }
        return walked;
    }

    private int fromLineCol(int line, int column) {
        if (line < 1 || line > lines.lineCount()) {
            return -1;
        }
        return Math.min(text.length(), lines.lineStart(line - 1) + Math.max(0, column - 1));
    }
}

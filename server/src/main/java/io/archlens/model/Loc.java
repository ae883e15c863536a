package io.archlens.model;

import io.archlens.analysis.Related;
import io.archlens.analysis.SourceFile;
import io.archlens.core.LineIndex;
import io.archlens.core.Position;
import io.archlens.core.TextRange;

/**
 * Where a fact is written: the file (uri and display path), the exact range, and its positions computed once
 * at extraction so cross-file findings can point here without the file's text.
 */
public record Loc(String uri, String path, TextRange range, Position start, Position end) {

    public static Loc of(SourceFile f, TextRange r) {
        LineIndex li = f.lines();
        int len = f.text().length();
        int s = Math.min(r.start(), len);
        TextRange c = new TextRange(s, Math.max(s, Math.min(r.end(), len)));
        return new Loc(f.uri(), f.path(), c, li.position(c.start()), li.position(c.end()));
    }

    public Related related(String message) {
        return new Related(uri, start, end, message);
    }

    /** {@code path:line} for messages. */
    public String display() {
        return path + ":" + (start.line() + 1);
    }

    public boolean contains(String uri, int offset) {
        return this.uri.equals(uri) && range.start() <= offset && offset <= range.end();
    }
}

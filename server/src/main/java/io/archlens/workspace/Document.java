package io.archlens.workspace;

import io.archlens.analysis.SourceFile;
import io.archlens.core.LineIndex;
import io.archlens.core.Position;
import io.archlens.filekind.FileKind;
import io.archlens.filekind.FileKindDetector;

/** An open document at one version. Immutable: an edit produces a new Document. */
public record Document(String uri, String path, int version, String text, FileKind kind, LineIndex lines) {

    public static Document open(String uri, String path, int version, String text) {
        return new Document(uri, path, version, text, FileKindDetector.detect(path, text), LineIndex.of(text));
    }

    /** One content change: {@code start == null} replaces the whole text. */
    public record Change(Position start, Position end, String text) {
    }

    /** Applies changes in order (as LSP requires, each relative to the result of the previous one). */
    public Document apply(int newVersion, Iterable<Change> changes) {
        String cur = text;
        LineIndex li = lines;
        for (Change c : changes) {
            String inserted = c.text() == null ? "" : c.text();
            if (c.start() == null) {
                cur = inserted;
            } else {
                int s = li.offset(c.start());
                int e = li.offset(c.end());
                if (e < s) {
                    int t = s;
                    s = e;
                    e = t;
                }
                cur = cur.substring(0, s) + inserted + cur.substring(e);
            }
            li = LineIndex.of(cur);
        }
        FileKind k = kind == FileKind.UNKNOWN || kind.isYaml() ? FileKindDetector.detect(path, cur) : kind;
        return new Document(uri, path, newVersion, cur, k, li);
    }

    public SourceFile snapshot() {
        return new SourceFile(uri, path, text, kind, version);
    }
}

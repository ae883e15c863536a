package io.archlens.analysis;

import io.archlens.core.LineIndex;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import java.util.Objects;

/**
 * An immutable snapshot of one file's text: what parsers and rules read. {@code path} is a workspace-relative
 * or absolute path with forward slashes (used for kind detection and path-based rules); {@code uri} is the
 * identity the LSP client uses (a {@code file:} URI for files on disk).
 */
public final class SourceFile {
    private final String uri;
    private final String path;
    private final String text;
    private final FileKind kind;
    private final int version;
    private volatile LineIndex lines;

    public SourceFile(String uri, String path, String text, FileKind kind, int version) {
        this.uri = Objects.requireNonNull(uri);
        this.path = Objects.requireNonNull(path).replace('\\', '/');
        this.text = Objects.requireNonNull(text);
        this.kind = Objects.requireNonNull(kind);
        this.version = version;
    }

    public static SourceFile of(String path, String text, FileKind kind) {
        return new SourceFile(path, path, text, kind, 0);
    }

    public String uri() {
        return uri;
    }

    public String path() {
        return path;
    }

    /** Just the file name. */
    public String name() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    public String text() {
        return text;
    }

    public FileKind kind() {
        return kind;
    }

    public int version() {
        return version;
    }

    public LineIndex lines() {
        LineIndex li = lines;
        if (li == null) {
            li = LineIndex.of(text);
            lines = li;
        }
        return li;
    }

    /**
     * Where the file is on this machine: its {@code file:} URI, or an absolute {@code path}; null for anything
     * else (an untitled buffer, a relative test path). Rules that read neighbouring files start from here.
     */
    public java.nio.file.Path localPath() {
        try {
            if (uri.startsWith("file:")) {
                return java.nio.file.Path.of(java.net.URI.create(uri)).toAbsolutePath();
            }
            java.nio.file.Path p = java.nio.file.Path.of(path);
            return p.isAbsolute() ? p : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    public String slice(TextRange r) {
        return text.substring(r.start(), r.end());
    }
}

package io.archlens.model;

import io.archlens.workspace.Paths2;
import java.nio.file.Path;

/** Maps display paths of the model back to the file system, through the file that mentions them. */
public final class Workspace {
    private Workspace() {
    }

    /**
     * The absolute path of {@code displayPath} (relative to the same root as {@code from.path()}, or absolute),
     * or null when {@code from} is not a file on disk.
     */
    public static Path absolute(FileFacts from, String displayPath) {
        return absolute(from.uri(), from.path(), displayPath);
    }

    /** Null when the path cannot be a file here (NUL, an unpaired surrogate, a name the file system refuses). */
    public static Path absolute(String fromUri, String fromPath, String displayPath) {
        if (!plausiblePath(displayPath)) {
            return null;
        }
        try {
            return resolve(fromUri, fromPath, displayPath);
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /** No NUL or other control character, no unpaired surrogate: text from a file may hold anything. */
    static boolean plausiblePath(String p) {
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= p.length() || !Character.isLowSurrogate(p.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static Path resolve(String fromUri, String fromPath, String displayPath) {
        Path file = Paths2.toPath(fromUri);
        if (file == null) {
            return null;
        }
        if (displayPath.startsWith("/")) {
            return Path.of(displayPath).normalize();
        }
        Path root = rootOf(file.toAbsolutePath().normalize(), fromPath);
        return root == null ? null : root.resolve(displayPath).normalize();
    }

    /** The folder display paths are relative to, given a file and its display path. */
    public static Path rootOf(Path file, String displayPath) {
        if (displayPath.startsWith("/")) {
            return file.getRoot();
        }
        String norm = Paths.normalize(displayPath);
        int segs = norm.isEmpty() ? 0 : norm.split("/").length;
        int count = file.getNameCount();
        if (norm.startsWith("..") || segs > count) {
            return file.getParent();
        }
        return count == segs ? file.getRoot() : file.getRoot().resolve(file.subpath(0, count - segs));
    }
}

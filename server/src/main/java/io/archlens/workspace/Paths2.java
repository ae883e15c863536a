package io.archlens.workspace;

import java.net.URI;
import java.nio.file.Path;

/** URI and path helpers shared by the server and the CLI. */
public final class Paths2 {
    private Paths2() {
    }

    /** The file system path of a {@code file:} URI, or null for other schemes (untitled:, etc.). */
    public static Path toPath(String uri) {
        try {
            URI u = URI.create(uri);
            if ("file".equalsIgnoreCase(u.getScheme())) {
                return Path.of(u);
            }
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
        return null;
    }

    /** A forward-slash path relative to {@code root} when inside it, else absolute; for untitled URIs the URI path. */
    public static String displayPath(String uri, Path root) {
        Path p = toPath(uri);
        if (p == null) {
            String s = uri;
            int colon = s.indexOf(':');
            return colon >= 0 ? s.substring(colon + 1) : s;
        }
        if (root != null) {
            Path abs = p.toAbsolutePath().normalize();
            Path r = root.toAbsolutePath().normalize();
            if (abs.startsWith(r)) {
                return r.relativize(abs).toString().replace('\\', '/');
            }
        }
        return p.toString().replace('\\', '/');
    }
}

package io.archlens.model;

import java.util.ArrayDeque;
import java.util.Deque;

/** Forward-slash path arithmetic on display paths (no file system access). */
public final class Paths {
    private Paths() {
    }

    /** The folder part of a path ("" for a bare name). */
    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    public static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** {@code rel} resolved against folder {@code dir}, normalised ({@code .} and {@code ..} removed). */
    public static String resolve(String dir, String rel) {
        String r = rel.replace('\\', '/');
        String joined = r.startsWith("/") || dir.isEmpty() ? r : dir + "/" + r;
        return normalize(joined);
    }

    public static String normalize(String path) {
        boolean abs = path.startsWith("/");
        Deque<String> parts = new ArrayDeque<>();
        for (String seg : path.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
                parts.removeLast();
            } else {
                parts.addLast(seg);
            }
        }
        String s = String.join("/", parts);
        return abs ? "/" + s : s;
    }

    /** True when {@code path} is {@code dir} or inside it. */
    public static boolean under(String path, String dir) {
        if (dir.isEmpty()) {
            return !path.startsWith("/") && !path.startsWith("..");
        }
        return path.equals(dir) || path.startsWith(dir + "/");
    }
}

package io.archlens.model;

import io.archlens.model.Facts.ConfigObject;
import io.archlens.model.Facts.KService;
import io.archlens.model.Facts.Platform;
import io.archlens.model.Facts.Workload;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes objects the whole workspace defines, by kind and name, and the files that define them, whatever
 * project their manifests fall in. A project's rules judge names inside the project; before calling a referenced
 * object missing they ask whether the repository defines it nearby: in a folder that shares an ancestor with the
 * referencing file below the workspace's own root ({@code extras/cloudsql/populate-jobs/} reading the ConfigMaps of
 * {@code extras/cloudsql/kubernetes-manifests/}, {@code extras/postgres-hpa/} the Secret of {@code extras/jwt/}):
 * applied together, it is not missing. Unrelated samples side by side at the top of a repository do not vouch for
 * each other.
 */
public final class WorkspaceObjects {
    public static final WorkspaceObjects NONE = new WorkspaceObjects(Map.of(), "");

    private final Map<String, List<String>> paths;
    /** The folder every file of the workspace lies in ("" when they share none). */
    private final String root;

    private WorkspaceObjects(Map<String, List<String>> paths, String root) {
        this.paths = paths;
        this.root = root;
    }

    public static WorkspaceObjects of(Collection<FileFacts> facts) {
        Map<String, List<String>> paths = new HashMap<>();
        String root = null;
        for (FileFacts f : facts) {
            root = root == null ? folder(f.path()) : common(root, folder(f.path()));
            for (Workload w : f.workloads()) {
                if (w.platform() == Platform.KUBERNETES) {
                    add(paths, w.kind(), w.name(), f.path());
                }
            }
            for (KService s : f.services()) {
                add(paths, "Service", s.name(), f.path());
            }
            for (ConfigObject o : f.configObjects()) {
                add(paths, o.kind(), o.name(), f.path());
            }
        }
        Map<String, List<String>> frozen = new HashMap<>();
        paths.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new WorkspaceObjects(frozen, root == null ? "" : root);
    }

    /** Whether some manifest of the workspace defines an object of this kind and name (any namespace). */
    public boolean defines(String kind, String name) {
        return paths.containsKey(kind + "/" + name);
    }

    /** Whether a manifest in a folder related to {@code path} (a common ancestor below the root) defines it. */
    public boolean definesNear(String kind, String name, String path) {
        String from = folder(path);
        for (String p : paths.getOrDefault(kind + "/" + name, List.of())) {
            if (common(from, folder(p)).length() > root.length()) {
                return true;
            }
        }
        return false;
    }

    private static void add(Map<String, List<String>> paths, String kind, String name, String path) {
        paths.computeIfAbsent(kind + "/" + name, k -> new ArrayList<>(1)).add(path);
    }

    /** The folder of a path, with a trailing slash ("" for a file at the top). */
    private static String folder(String path) {
        String p = path.replace('\\', '/');
        int slash = p.lastIndexOf('/');
        return slash < 0 ? "" : p.substring(0, slash + 1);
    }

    /** The longest folder prefix two folders (with trailing slashes) share. */
    private static String common(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int end = 0;
        for (int i = 0; i < n && a.charAt(i) == b.charAt(i); i++) {
            if (a.charAt(i) == '/') {
                end = i + 1;
            }
        }
        return a.substring(0, end);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkspaceObjects w && w.paths.equals(paths) && w.root.equals(root);
    }

    @Override
    public int hashCode() {
        return paths.hashCode() * 31 + root.hashCode();
    }
}

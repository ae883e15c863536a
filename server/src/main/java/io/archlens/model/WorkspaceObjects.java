package io.archlens.model;

import io.archlens.model.Facts.ConfigObject;
import io.archlens.model.Facts.KService;
import io.archlens.model.Facts.Platform;
import io.archlens.model.Facts.Workload;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The Kubernetes objects the whole workspace defines, by kind and name, whatever project their manifests fall in.
 * A project's rules judge names inside the project; before calling a referenced object missing they ask whether
 * the repository defines it elsewhere (an {@code extras/backup/} folder whose Ingress routes to the main
 * manifests' Service, jobs next to the {@code kubernetes-manifests/} whose ConfigMaps they read): applied together,
 * it is not missing.
 */
public record WorkspaceObjects(Set<String> names) {
    public static final WorkspaceObjects NONE = new WorkspaceObjects(Set.of());

    public WorkspaceObjects {
        names = Set.copyOf(names);
    }

    public static WorkspaceObjects of(Collection<FileFacts> facts) {
        Set<String> names = new HashSet<>();
        for (FileFacts f : facts) {
            for (Workload w : f.workloads()) {
                if (w.platform() == Platform.KUBERNETES) {
                    names.add(key(w.kind(), w.name()));
                }
            }
            for (KService s : f.services()) {
                names.add(key("Service", s.name()));
            }
            for (ConfigObject o : f.configObjects()) {
                names.add(key(o.kind(), o.name()));
            }
        }
        return new WorkspaceObjects(names);
    }

    /** Whether some manifest of the workspace defines an object of this kind and name (any namespace). */
    public boolean defines(String kind, String name) {
        return names.contains(key(kind, name));
    }

    private static String key(String kind, String name) {
        return kind + "/" + name;
    }
}

package io.archlens.model;

import io.archlens.filekind.FileKind;
import io.archlens.model.Facts.Container;
import io.archlens.model.Facts.FileRef;
import io.archlens.model.Facts.Platform;
import io.archlens.model.Facts.Workload;
import io.archlens.syntax.image.ImageRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Splits a workspace into projects, so that cross-file rules resolve names only inside one application
 * (docs/system-graph.md, "Projects"). A project is seeded by
 * <ul>
 *   <li>the Compose files of one folder;</li>
 *   <li>the manifests a kustomization in their folder lists, with the bases it builds on (a kustomize tree; a
 *       base that such an overlay builds on is no project of its own);</li>
 *   <li>a Helm chart (the folder above a {@code templates/} folder);</li>
 *   <li>plain Kubernetes manifests, grouped by folder tree: a folder joins its parent when the parent holds
 *       manifests too, when the parent is a deployment folder ({@code k8s/}, {@code deploy/}...) and it is not, or
 *       when the parent lies under a deployment folder ({@code deploy/webapp/frontend} joins {@code deploy/webapp});</li>
 * </ul>
 * and grows only through references: build contexts, Dockerfiles, env files, bind mounts and nginx includes
 * (the Dockerfile, Spring, nginx and .env files there), the {@code .env} next to the Compose files, and an image a
 * workload runs that is built in the application's folder (a folder named like the image with a Dockerfile, or
 * a Compose service that builds that image). Compose and Kubernetes files never pull each other in by a folder
 * reference, so sample apps side by side stay apart. A file may belong to several projects (a Dockerfile two
 * Compose projects build); a file no project reaches is a project of its own. Pure: reads no disk.
 */
public final class Projects {
    /** One project: an id ({@code compose:shop}), a label for graphs and messages, and its files. */
    public record Project(String id, String label, List<FileFacts> files) {
    }

    /** Folder names that hold the deployment of an application rather than the application. */
    private static final Set<String> DEPLOY_DIRS = Set.of("k8s", "kubernetes", "kube", "manifests", "deploy",
            "deployment", "deployments", "deploy-k8s", ".k8s", "kubernetes-manifests", "k8s-manifests", "base", "bases",
            "overlays", "overlay", "components", "infra", "ops");

    private final NavigableMap<String, FileFacts> byPath = new TreeMap<>();
    private final Set<String> composeDirs = new HashSet<>();
    /** Dockerfile folders by folder name (lower case). */
    private final Map<String, List<String>> dockerDirsByName = new LinkedHashMap<>();
    /** Manifests by the folder of the kustomization that lists them. */
    private final Map<String, List<FileFacts>> kustomized = new LinkedHashMap<>();
    /** Compose files whose services build an image, by the image repository (lower case). */
    private final Map<String, List<FileFacts>> buildsByRepository = new LinkedHashMap<>();

    private Projects(Collection<FileFacts> facts) {
        for (FileFacts f : facts) {
            byPath.putIfAbsent(f.path(), f);
        }
        for (FileFacts f : byPath.values()) {
            if (f.kind() == FileKind.COMPOSE) {
                composeDirs.add(f.dir());
                for (Workload w : f.workloads()) {
                    Container c = w.containers().isEmpty() ? null : w.containers().get(0);
                    if (w.build() != null && c != null && c.image() != null && !c.image().contains("$")) {
                        buildsByRepository.computeIfAbsent(repository(c.image()), k -> new ArrayList<>()).add(f);
                    }
                }
            }
            String base = kustomizeBase(f);
            if (base != null) {
                kustomized.computeIfAbsent(base, k -> new ArrayList<>()).add(f);
            }
            if (f.image() != null) {
                dockerDirsByName.computeIfAbsent(Paths.name(f.dir()).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(f.dir());
            }
        }
    }

    /** The projects of a workspace, in path order of their seeds. */
    public static List<Project> of(Collection<FileFacts> facts) {
        return new Projects(facts).partition();
    }

    private List<Project> partition() {
        Map<String, List<FileFacts>> seeds = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> plainDirs = new TreeMap<>();
        for (FileFacts f : byPath.values()) {
            if (f.kind() == FileKind.COMPOSE) {
                seed(seeds, labels, "compose:" + f.dir(), "Compose project " + display(f.dir()), f);
            } else if (f.kind() == FileKind.KUBERNETES) {
                String chart = chartOf(f.path());
                String base = kustomizeBase(f);
                if (chart != null) {
                    seed(seeds, labels, "helm:" + chart, "Helm chart " + display(chart), f);
                } else if (base != null) {
                    seed(seeds, labels, "kustomize:" + base, "kustomization in " + display(base), f);
                } else {
                    plainDirs.put(f.dir(), f.dir());
                }
            }
        }
        for (FileFacts f : byPath.values()) {
            if (f.kind() == FileKind.KUBERNETES && chartOf(f.path()) == null && kustomizeBase(f) == null) {
                String root = plainRoot(f.dir(), plainDirs.keySet());
                seed(seeds, labels, "manifests:" + root, "Kubernetes manifests in " + display(root), f);
            }
        }
        List<Project> out = new ArrayList<>();
        Set<FileFacts> reached = new HashSet<>();
        Set<String> builtOn = new HashSet<>();
        for (Map.Entry<String, List<FileFacts>> e : seeds.entrySet()) {
            String home = home(e.getKey());
            List<FileFacts> members = closure(e.getValue(), home);
            reached.addAll(members);
            out.add(new Project(e.getKey(), labels.get(e.getKey()), members));
            for (FileFacts f : members) {
                String base = kustomizeBase(f);
                if (e.getKey().startsWith("kustomize:") && base != null && !base.equals(home)) {
                    builtOn.add("kustomize:" + base);
                }
                if (f.kind() == FileKind.COMPOSE && !f.dir().equals(home)) {
                    builtOn.add("compose:" + f.dir());
                }
            }
        }
        // a base that an overlay with manifests of its own builds on, or Compose files another project includes, are
        // drawn and checked within the project that uses them
        for (Project p : new ArrayList<>(out)) {
            if (builtOn.contains(p.id()) && seeds.get(p.id()).stream().allMatch(reachedElsewhere(out, p))) {
                out.remove(p); // one at a time: of two projects that include each other, one stays
            }
        }
        for (FileFacts f : byPath.values()) {
            if (!reached.contains(f)) {
                out.add(new Project("file:" + f.path(), f.path(), List.of(f)));
            }
        }
        return out;
    }

    /** True for a file that a project other than {@code p} holds. */
    private static java.util.function.Predicate<FileFacts> reachedElsewhere(List<Project> all, Project p) {
        return f -> all.stream().anyMatch(o -> o != p && o.files().contains(f));
    }

    private static void seed(Map<String, List<FileFacts>> seeds, Map<String, String> labels, String id, String label,
            FileFacts f) {
        seeds.computeIfAbsent(id, k -> new ArrayList<>()).add(f);
        labels.putIfAbsent(id, label);
    }

    private static String display(String dir) {
        return "'" + (dir.isEmpty() ? "." : dir) + "'";
    }

    /** The folder a project is about (its Compose folder, chart, base or manifest tree). */
    private static String home(String id) {
        return id.substring(id.indexOf(':') + 1);
    }

    /** Every file the seeds reach through references. */
    private List<FileFacts> closure(List<FileFacts> seeds, String home) {
        Set<FileFacts> members = new LinkedHashSet<>(seeds);
        Deque<FileFacts> queue = new ArrayDeque<>(seeds);
        while (!queue.isEmpty()) {
            FileFacts f = queue.poll();
            List<FileFacts> next = new ArrayList<>();
            for (FileRef r : f.refs()) {
                switch (r.kind()) {
                    case BUILD_CONTEXT, MOUNT -> contentUnder(r.target(), home, next);
                    case NGINX_INCLUDE -> contentUnder(globFolder(r.target()), home, next);
                    case DOCKERFILE, ENV_FILE, COMPOSE_INCLUDE -> addIfPresent(r.target(), next);
                    case KUSTOMIZE_RESOURCE -> next.addAll(kustomized.getOrDefault(r.target(), List.of()));
                    default -> {
                    }
                }
            }
            if (f.kind() == FileKind.COMPOSE) {
                for (FileFacts e : byPath.subMap(Paths.resolve(f.dir(), ".env"), true,
                        Paths.resolve(f.dir(), ".env") + Character.MAX_VALUE, true).values()) {
                    if (e.kind() == FileKind.DOTENV && e.dir().equals(f.dir())) {
                        next.add(e);
                    }
                }
            }
            for (Workload w : f.workloads()) {
                if (w.platform() == Platform.KUBERNETES) {
                    images(w, home, next);
                }
            }
            for (FileFacts n : next) {
                if (members.add(n)) {
                    queue.add(n);
                }
            }
        }
        List<FileFacts> out = new ArrayList<>(members);
        out.sort(Comparator.comparing(FileFacts::path));
        return out;
    }

    /** The files of the application folder that build the images a Kubernetes workload runs. */
    private void images(Workload w, String home, List<FileFacts> next) {
        String area = area(home);
        for (Container c : w.containers()) {
            if (c.image() == null || c.image().contains("$")) {
                continue;
            }
            for (FileFacts compose : buildsByRepository.getOrDefault(repository(c.image()), List.of())) {
                if (Paths.under(compose.path(), area)) {
                    next.add(compose);
                }
            }
            String name = ImageRef.parse(c.image()).baseName().toLowerCase(Locale.ROOT);
            for (String dir : dockerDirsByName.getOrDefault(name, List.of())) {
                if (Paths.under(dir, area)) {
                    contentUnder(dir, dir, next);
                }
            }
        }
    }

    /** Where an application's images may be built: above its deployment folders ({@code shop/k8s} -> {@code shop}). */
    static String area(String home) {
        String d = home;
        while (!d.isEmpty() && DEPLOY_DIRS.contains(Paths.name(d).toLowerCase(Locale.ROOT))) {
            d = Paths.parent(d);
        }
        return d;
    }

    private void addIfPresent(String path, List<FileFacts> next) {
        FileFacts f = byPath.get(path);
        if (f != null) {
            next.add(f);
        }
    }

    /**
     * The Dockerfile, Spring, nginx and .env files at {@code target} or below it, except those inside a nested
     * Compose folder other than {@code home} (another application in a subfolder of a build context).
     */
    private void contentUnder(String target, String home, List<FileFacts> next) {
        if (target == null) {
            return;
        }
        FileFacts exact = byPath.get(target);
        if (exact != null) {
            if (content(exact)) {
                next.add(exact);
            }
            return;
        }
        String prefix = target.isEmpty() ? "" : target + "/";
        for (FileFacts f : byPath.subMap(prefix, true, prefix + Character.MAX_VALUE, true).values()) {
            if (content(f) && !nestedApp(f.dir(), target, home)) {
                next.add(f);
            }
        }
    }

    private boolean nestedApp(String dir, String top, String home) {
        for (String d = dir; !d.equals(top) && !d.isEmpty(); d = Paths.parent(d)) {
            if (composeDirs.contains(d) && !d.equals(home)) {
                return true;
            }
        }
        return false;
    }

    private static boolean content(FileFacts f) {
        return f.kind() != FileKind.COMPOSE && f.kind() != FileKind.KUBERNETES;
    }

    /** {@code conf.d/*.conf} -> {@code conf.d}; a plain path stays. */
    private static String globFolder(String target) {
        int star = target.indexOf('*');
        return star < 0 ? target : Paths.parent(target.substring(0, star + 1));
    }

    /** The chart folder of a file under a Helm chart's {@code templates/}, or null. */
    static String chartOf(String path) {
        int at = ("/" + path).lastIndexOf("/templates/");
        return at < 0 ? null : at == 0 ? "" : path.substring(0, at - 1);
    }

    private static String kustomizeBase(FileFacts f) {
        for (FileRef r : f.refs()) {
            if (r.kind() == FileRef.Kind.KUSTOMIZE_BASE) {
                return r.target();
            }
        }
        return null;
    }

    /** The top of a folder tree of plain manifests (see the class comment). */
    static String plainRoot(String dir, Set<String> manifestDirs) {
        String d = dir;
        while (!d.isEmpty()) {
            String parent = Paths.parent(d);
            boolean parentHolds = manifestDirs.contains(parent);
            boolean deployParent = !parent.isEmpty() && DEPLOY_DIRS.contains(Paths.name(parent).toLowerCase(Locale.ROOT))
                    && !DEPLOY_DIRS.contains(Paths.name(d).toLowerCase(Locale.ROOT));
            // deploy/webapp/frontend and deploy/webapp/backend: an application's folders under a deployment folder
            boolean underDeploy = !parent.isEmpty() && !DEPLOY_DIRS.contains(Paths.name(parent).toLowerCase(Locale.ROOT))
                    && deployAncestor(Paths.parent(parent));
            if (!parentHolds && !deployParent && !underDeploy) {
                break;
            }
            d = parent;
        }
        return d;
    }

    private static boolean deployAncestor(String dir) {
        for (String d = dir; !d.isEmpty() && !d.equals("/"); d = Paths.parent(d)) {
            if (DEPLOY_DIRS.contains(Paths.name(d).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static String repository(String image) {
        return ImageRef.parse(image).repository().toLowerCase(Locale.ROOT);
    }
}

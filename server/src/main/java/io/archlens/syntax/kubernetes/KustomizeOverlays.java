package io.archlens.syntax.kubernetes;

import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YSeq;
import io.archlens.syntax.yaml.YamlDocument;
import io.archlens.syntax.yaml.YamlFile;
import io.archlens.syntax.yaml.YamlParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The kustomize overlays built on the folder of a manifest: a base (a folder whose {@code kustomization.yaml}
 * lists the manifest) is rarely deployed as is; each overlay ({@code overlays/prod}...) patches it. The overlays
 * are the {@code kustomization.yaml} files up to {@link #DEPTH} folders below the base's parent (or grandparent)
 * whose {@code resources} (or {@code bases}) name the base folder. Read from disk (saved files), bounded, never
 * throws; the overlays of a base are remembered for 3 s, so typing in a base manifest does not walk the disk.
 */
public final class KustomizeOverlays {
    static final int DEPTH = 4;
    static final int MAX_FILES = 2_000;
    static final long MAX_BYTES = 1L << 20;
    static final List<String> NAMES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    /** One overlay: where it is, the patch documents it applies, and its {@code replicas}/{@code images} fields. */
    public record Overlay(Path dir, List<YMap> patches, YMap kustomization) {
        /** The patch documents for {@code kind}/{@code name} (strategic-merge patches, from files or inline). */
        public List<YMap> patchesFor(String kind, String name) {
            List<YMap> out = new ArrayList<>();
            for (YMap p : patches) {
                YNode k = p.get("kind");
                YNode n = p.at("metadata", "name");
                if (k != null && kind.equals(k.text()) && n != null && name.equals(n.text())) {
                    out.add(p);
                }
            }
            return out;
        }

        /** The replica count this overlay deploys {@code kind}/{@code name} with ({@code replicas:} or a patch), or null. */
        public Long deployedReplicas(String kind, String name) {
            Long set = replicas(name);
            if (set != null) {
                return set;
            }
            Long best = null;
            for (YMap p : patchesFor(kind, name)) {
                if (p.at("spec", "replicas") instanceof io.archlens.syntax.yaml.YScalar s && s.asLong() != null) {
                    best = best == null ? s.asLong() : Math.max(best, s.asLong());
                }
            }
            return best;
        }

        /** The {@code replicas:} count this overlay sets for {@code name}, or null. */
        public Long replicas(String name) {
            if (kustomization.get("replicas") instanceof YSeq s) {
                for (YNode item : s.items()) {
                    if (item instanceof YMap m && name.equals(m.getText("name"))
                            && m.get("count") instanceof io.archlens.syntax.yaml.YScalar c) {
                        return c.asLong();
                    }
                }
            }
            return null;
        }
    }

    private KustomizeOverlays() {
    }

    /**
     * When the kustomization in the file's folder lists it under {@code resources:}, the other entries of that list
     * and of {@code bases:} (as written: {@code ../../base}, {@code hpa.yaml}); null when no kustomization lists it.
     */
    public static List<String> listedWith(SourceFile file) {
        try {
            Path self = file.localPath();
            if (self == null || self.getParent() == null) {
                return null;
            }
            YMap k = kustomization(self.getParent());
            if (k == null || !lists(k, "resources", self.getFileName().toString())) {
                return null;
            }
            List<String> out = new ArrayList<>();
            for (String field : List.of("resources", "bases")) {
                if (k.get(field) instanceof YSeq s) {
                    for (YNode item : s.items()) {
                        String t = item.text();
                        if (t != null && !t.contains("://") && !t.strip().equals(self.getFileName().toString())) {
                            out.add(t.strip());
                        }
                    }
                }
            }
            return out;
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    /** The overlays of the base that lists {@code file}; empty when it is not in a base or has no overlay. */
    public static List<Overlay> of(SourceFile file) {
        try {
            Path self = file.localPath();
            if (self == null || self.getParent() == null) {
                return List.of();
            }
            Path base = self.getParent();
            YMap baseK = kustomization(base);
            if (baseK == null || !lists(baseK, "resources", self.getFileName().toString())) {
                return List.of();
            }
            Cached hit;
            synchronized (CACHE) {
                hit = CACHE.get(base);
            }
            long now = System.nanoTime();
            if (hit != null && now - hit.at() < TTL_NANOS) {
                return hit.overlays();
            }
            List<Overlay> found = find(base);
            synchronized (CACHE) {
                if (CACHE.size() > 256) {
                    CACHE.clear();
                }
                CACHE.put(base, new Cached(found, now));
            }
            return found;
        } catch (RuntimeException | StackOverflowError e) {
            return List.of();
        }
    }

    /** Overlays found for a base folder a moment ago: typing in a base manifest does not walk the disk each time. */
    private record Cached(List<Overlay> overlays, long at) {
    }

    private static final long TTL_NANOS = 3_000_000_000L;
    private static final java.util.Map<Path, Cached> CACHE = new java.util.HashMap<>();

    private static List<Overlay> find(Path base) {
        try {
            List<Overlay> out = new ArrayList<>();
            for (Path top : searchRoots(base)) {
                try (Stream<Path> s = Files.walk(top, DEPTH)) {
                    for (Path k : (Iterable<Path>) s.limit(MAX_FILES)::iterator) {
                        if (!NAMES.contains(k.getFileName().toString()) || k.getParent().equals(base)
                                || out.stream().anyMatch(o -> o.dir().equals(k.getParent()))) {
                            continue;
                        }
                        YMap km = read(k);
                        if (km != null && refersTo(km, k.getParent(), base)) {
                            out.add(new Overlay(k.getParent(), patches(km, k.getParent()), km));
                        }
                    }
                }
            }
            return out;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return List.of();
        }
    }

    private static List<Path> searchRoots(Path base) {
        Path parent = base.getParent();
        if (parent == null) {
            return List.of();
        }
        Path grand = parent.getParent();
        // base at k8s/base or k8s/apps/api/base: the overlays sit next to it or one level up
        return grand != null && !Files.exists(parent.resolve("overlays")) ? List.of(grand) : List.of(parent);
    }

    private static boolean refersTo(YMap k, Path dir, Path base) {
        for (String field : List.of("resources", "bases")) {
            if (k.get(field) instanceof YSeq s) {
                for (YNode item : s.items()) {
                    String t = item.text();
                    if (t != null && !t.contains("://") && dir.resolve(t.strip()).normalize().equals(base.normalize())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean lists(YMap k, String field, String fileName) {
        if (k.get(field) instanceof YSeq s) {
            for (YNode item : s.items()) {
                String t = item.text();
                if (t != null && (t.strip().equals(fileName) || t.strip().equals("./" + fileName))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<YMap> patches(YMap k, Path dir) {
        List<YMap> out = new ArrayList<>();
        if (k.get("patchesStrategicMerge") instanceof YSeq s) {
            for (YNode item : s.items()) {
                addDocs(out, item.text() == null ? null : dir.resolve(item.text().strip()), item.text());
            }
        }
        if (k.get("patches") instanceof YSeq s) {
            for (YNode item : s.items()) {
                if (item instanceof YMap m) {
                    if (m.getText("path") != null) {
                        addDocs(out, dir.resolve(m.getText("path").strip()), null);
                    } else if (m.getText("patch") != null) {
                        addDocs(out, null, m.getText("patch"));
                    }
                }
            }
        }
        return out;
    }

    /** Adds the mapping documents of a patch file (or of inline patch text that is YAML, not JSON 6902). */
    private static void addDocs(List<YMap> out, Path file, String inline) {
        String text = null;
        try {
            if (file != null && Files.isRegularFile(file) && Files.size(file) <= MAX_BYTES) {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } else if (file == null) {
                text = inline;
            }
        } catch (IOException | RuntimeException e) {
            return;
        }
        if (text == null) {
            return;
        }
        YamlFile y = YamlParser.parse(SourceFile.of("patch.yaml", text, FileKind.KUBERNETES)).model();
        for (YamlDocument d : y.documents()) {
            if (d.root() instanceof YMap m && m.get("kind") != null) {
                out.add(m);
            }
        }
    }

    private static YMap kustomization(Path dir) {
        for (String n : NAMES) {
            Path k = dir.resolve(n);
            if (Files.isRegularFile(k)) {
                return read(k);
            }
        }
        return null;
    }

    static YMap read(Path k) {
        try {
            if (Files.size(k) > MAX_BYTES) {
                return null;
            }
            String text = Files.readString(k, StandardCharsets.UTF_8);
            YamlFile y = YamlParser.parse(SourceFile.of(k.getFileName().toString(), text, FileKind.KUBERNETES)).model();
            return y.documents().isEmpty() || !(y.documents().get(0).root() instanceof YMap m) ? null : m;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}

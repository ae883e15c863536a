package io.archlens.syntax.kubernetes;

import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.FileCache;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YSeq;
import io.archlens.syntax.yaml.YamlFile;
import io.archlens.syntax.yaml.YamlParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The images Skaffold builds for a manifest: the {@code build.artifacts[].image} names of a {@code skaffold.yaml}
 * in the manifest's folder or up to {@link #UP} folders above (every document and profile of it). Skaffold
 * replaces such a name in the manifests it deploys with the image it built, tag and digest included, so
 * {@code image: frontend} there is not an unpinned image. Read from disk (saved files), never throws.
 */
public final class SkaffoldImages {
    static final int UP = 4;
    private static final List<String> NAMES = List.of("skaffold.yaml", "skaffold.yml");
    private static final long MAX_BYTES = 256 * 1024;

    private SkaffoldImages() {
    }

    /** The image names and the skaffold file that builds them, or an empty set. */
    public static Found of(SourceFile file) {
        try {
            Path self = file.localPath();
            if (self == null || self.getParent() == null) {
                return Found.NONE;
            }
            Path dir = self.normalize().getParent();
            for (int up = 0; dir != null && up <= UP; up++, dir = dir.getParent()) {
                for (String n : NAMES) {
                    Path s = dir.resolve(n);
                    Set<String> images = Files.isRegularFile(s) ? CACHE.get(s) : null;
                    if (images != null && !images.isEmpty()) {
                        return new Found(images, self.getParent().relativize(s).toString().replace('\\', '/'));
                    }
                }
            }
        } catch (RuntimeException e) {
            // no skaffold file read: nothing known
        }
        return Found.NONE;
    }

    /** Image names Skaffold builds, and where (a path relative to the manifest's folder). */
    public record Found(Set<String> images, String where) {
        static final Found NONE = new Found(Set.of(), null);

        public boolean builds(String image) {
            return image != null && images.contains(image.strip());
        }
    }

    /** Skaffold files read and parsed once per version (typing in a manifest re-analyses it on every edit). */
    private static final FileCache<Set<String>> CACHE = new FileCache<>(64, MAX_BYTES, SkaffoldImages::images);

    private static Set<String> images(Path skaffold, String text) {
        YamlFile y = YamlParser.parse(SourceFile.of(skaffold.getFileName().toString(), text, FileKind.UNKNOWN))
                .model();
        Set<String> out = new LinkedHashSet<>();
        for (var doc : y.documents()) {
            if (doc.root() instanceof YMap root) {
                artifacts(root.get("build"), out);
                if (root.get("profiles") instanceof YSeq profiles) {
                    for (YNode p : profiles.items()) {
                        if (p instanceof YMap pm) {
                            artifacts(pm.get("build"), out);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static void artifacts(YNode build, Set<String> out) {
        if (build instanceof YMap b && b.get("artifacts") instanceof YSeq artifacts) {
            for (YNode a : artifacts.items()) {
                String image = a instanceof YMap am ? am.getText("image") : null;
                if (image != null && !image.isBlank()) {
                    out.add(image.strip());
                }
            }
        }
    }
}

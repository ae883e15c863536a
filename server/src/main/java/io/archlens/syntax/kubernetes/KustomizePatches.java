package io.archlens.syntax.kubernetes;

import io.archlens.analysis.SourceFile;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YSeq;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Whether a manifest is a kustomize patch: a kustomization in its folder or up to {@link #UP} folders above lists
 * it under {@code patches}, {@code patchesStrategicMerge} or {@code patchesJson6902}, or the file is named like a
 * patch ({@code *patch*}) inside such a kustomize layout. Nothing else makes a file a patch: a workload that lacks
 * its selector, pod template or image is judged as an object. Read from disk (saved files), never throws.
 */
public final class KustomizePatches {
    static final int UP = 3;

    private KustomizePatches() {
    }

    /** Where the file is declared a patch ("listed under patches: in overlays/prod/kustomization.yaml"), or null. */
    public static String reference(SourceFile file) {
        try {
            Path self = file.localPath();
            if (self == null || self.getParent() == null) {
                return null;
            }
            self = self.normalize();
            boolean named = self.getFileName().toString().toLowerCase(Locale.ROOT).contains("patch");
            Path dir = self.getParent();
            for (int up = 0; dir != null && up <= UP; up++, dir = dir.getParent()) {
                for (String n : KustomizeOverlays.NAMES) {
                    Path k = dir.resolve(n);
                    if (!Files.isRegularFile(k)) {
                        continue;
                    }
                    YMap km = KustomizeOverlays.read(k);
                    String field = km == null ? null : listingField(km, dir, self);
                    if (field != null) {
                        return "listed under " + field + ": in " + shortName(self, k);
                    }
                    if (named) {
                        return "named like a patch, next to " + shortName(self, k);
                    }
                }
            }
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String listingField(YMap k, Path dir, Path self) {
        for (String field : List.of("patches", "patchesStrategicMerge", "patchesJson6902")) {
            if (!(k.get(field) instanceof YSeq s)) {
                continue;
            }
            for (YNode item : s.items()) {
                String p = item instanceof YMap m ? m.getText("path") : item.text();
                if (p != null && !p.contains("\n") && !p.isBlank()
                        && dir.resolve(p.strip()).normalize().equals(self)) {
                    return field;
                }
            }
        }
        return null;
    }

    private static String shortName(Path self, Path kustomization) {
        Path from = self.getParent();
        try {
            return from.relativize(kustomization).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return kustomization.toString();
        }
    }
}

package io.archlens.syntax.hcl;

import io.archlens.analysis.SourceFile;
import io.archlens.core.LineIndex;
import io.archlens.core.Log;
import io.archlens.syntax.FileCache;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The other {@code .tf} files of a file's module (its directory), parsed from disk. Parses are cached by path,
 * size and modification time, so analysing every file of a module (a {@code check}, or typing in one file)
 * reads each sibling once. Bounded: at most {@link #MAX_FILES} siblings of at most {@link #MAX_BYTES} each;
 * unreadable or invalid UTF-8 siblings are skipped (their own analysis reports them). Open editor buffers of
 * siblings are not seen, only what is saved.
 */
public final class ModuleFiles {
    static final int MAX_FILES = 100;
    static final long MAX_BYTES = 2L << 20;
    private static final int CACHE = 512;

    private static final FileCache<HclSource> PARSED = new FileCache<>(CACHE, MAX_BYTES,
            (path, text) -> new HclSource(path.toUri().toString(), path.getFileName().toString(), LineIndex.of(text),
                    HclParser.parse(text).model()));

    private ModuleFiles() {
    }

    /** The siblings of {@code file}, or none when it is not a file on disk (an untitled buffer, a test). */
    public static List<HclFile> siblings(SourceFile file) {
        Path self = file.localPath();
        if (self == null || self.getParent() == null) {
            return List.of();
        }
        List<HclFile> out = new ArrayList<>();
        for (HclSource s : sources(self.getParent(), self.getFileName().toString())) {
            out.add(s.model());
        }
        return out;
    }

    /** The saved {@code .tf} files of the module {@code dir}, but {@code exclude} (a file name, or null). */
    public static List<HclSource> sources(Path dir, String exclude) {
        return list(dir, "*.tf", exclude);
    }

    /**
     * The variable files Terraform loads by itself for a root module: {@code terraform.tfvars}, then the
     * {@code *.auto.tfvars} in name order (later ones win).
     */
    public static List<HclSource> tfvars(Path dir) {
        List<HclSource> out = new ArrayList<>();
        HclSource main = Files.isRegularFile(dir.resolve("terraform.tfvars")) ? PARSED.get(dir.resolve("terraform.tfvars"))
                : null;
        if (main != null) {
            out.add(main);
        }
        List<HclSource> auto = new ArrayList<>(list(dir, "*.auto.tfvars", null));
        auto.sort((a, b) -> a.name().compareTo(b.name()));
        out.addAll(auto);
        return out;
    }

    private static List<HclSource> list(Path dir, String glob, String exclude) {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        List<HclSource> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, glob)) {
            for (Path p : ds) {
                if (out.size() >= MAX_FILES) {
                    break;
                }
                if (p.getFileName().toString().equals(exclude)) {
                    continue;
                }
                HclSource f = PARSED.get(p);
                if (f != null) {
                    out.add(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            Log.warn("cannot list the module " + dir + ": " + e.getMessage());
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }
}

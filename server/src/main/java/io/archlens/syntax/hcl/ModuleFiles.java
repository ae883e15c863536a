package io.archlens.syntax.hcl;

import io.archlens.analysis.SourceFile;
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

    private static final FileCache<HclFile> PARSED = new FileCache<>(CACHE, MAX_BYTES,
            (path, text) -> HclParser.parse(text).model());

    private ModuleFiles() {
    }

    /** The siblings of {@code file}, or none when it is not a file on disk (an untitled buffer, a test). */
    public static List<HclFile> siblings(SourceFile file) {
        Path self = file.localPath();
        if (self == null || self.getParent() == null || !Files.isDirectory(self.getParent())) {
            return List.of();
        }
        List<HclFile> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(self.getParent(), "*.tf")) {
            for (Path p : ds) {
                if (out.size() >= MAX_FILES) {
                    break;
                }
                if (p.getFileName().equals(self.getFileName())) {
                    continue;
                }
                HclFile f = PARSED.get(p);
                if (f != null) {
                    out.add(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            Log.warn("cannot list the module of " + file.path() + ": " + e.getMessage());
        }
        return out;
    }
}

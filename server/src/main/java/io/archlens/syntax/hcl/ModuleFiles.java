package io.archlens.syntax.hcl;

import io.archlens.analysis.SourceFile;
import io.archlens.core.Log;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    private record Key(String path, long size, long modified) {
    }

    private static final Map<Key, HclFile> PARSED = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, HclFile> e) {
            return size() > CACHE;
        }
    };

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
                HclFile f = parse(p);
                if (f != null) {
                    out.add(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            Log.warn("cannot list the module of " + file.path() + ": " + e.getMessage());
        }
        return out;
    }


    private static HclFile parse(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            if (!a.isRegularFile() || a.size() > MAX_BYTES) {
                return null;
            }
            Key k = new Key(p.toString(), a.size(), a.lastModifiedTime().toMillis());
            synchronized (PARSED) {
                HclFile hit = PARSED.get(k);
                if (hit != null) {
                    return hit;
                }
            }
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(p)))
                    .toString();
            HclFile f = HclParser.parse(text).model();
            synchronized (PARSED) {
                PARSED.put(k, f);
            }
            return f;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return null;
        }
    }
}

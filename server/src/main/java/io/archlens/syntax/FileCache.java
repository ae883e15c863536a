package io.archlens.syntax;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Parses of small files on disk that a pack reads next to the analysed file (a Terraform module's siblings,
 * nginx includes), cached by path, size and modification time, so analysing every file of a folder (a
 * {@code check}, or typing in one file) reads and parses each neighbour once. Least recently used entries go
 * first. Thread-safe. Files above the size limit, unreadable ones and invalid UTF-8 give null: their own
 * analysis reports them.
 */
public final class FileCache<T> {
    private record Key(String path, long size, long modified) {
    }

    private final long maxBytes;
    private final BiFunction<Path, String, T> parse;
    private final Map<Key, T> parsed;

    /** {@code parse} gets the file and its text; it must not throw on any text (a throw counts as unreadable). */
    public FileCache(int capacity, long maxBytes, BiFunction<Path, String, T> parse) {
        this.maxBytes = maxBytes;
        this.parse = parse;
        this.parsed = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, T> e) {
                return size() > capacity;
            }
        };
    }

    /** The parse of the regular file {@code p} (symbolic links followed), or null. */
    public T get(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            if (!a.isRegularFile() || a.size() > maxBytes) {
                return null;
            }
            Key k = new Key(p.toString(), a.size(), a.lastModifiedTime().toMillis());
            synchronized (parsed) {
                T hit = parsed.get(k);
                if (hit != null) {
                    return hit;
                }
            }
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(p))).toString();
            T value = parse.apply(p, text);
            if (value != null) {
                synchronized (parsed) {
                    parsed.put(k, value);
                }
            }
            return value;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return null;
        }
    }
}

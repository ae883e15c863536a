package io.archlens.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads files from disk for analysis: size limit, binary detection, strict UTF-8 with a clear fallback. */
public final class FileLoader {
    private FileLoader() {
    }

    /** A loaded file: text (null when skipped), and a note explaining a skip or a lossy decode. */
    public record Loaded(String text, String skipReason, String note, long bytes) {
        public boolean skipped() {
            return text == null;
        }
    }

    public static Loaded load(Path file, long maxBytes) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            return new Loaded(null, "cannot read: " + e.getMessage(), null, 0);
        }
        if (size > maxBytes) {
            return new Loaded(null, String.format("too large (%.1f MB > %.1f MB limit, setting max-file-bytes)",
                    size / 1048576.0, maxBytes / 1048576.0), null, size);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            return new Loaded(null, "cannot read: " + e.getMessage(), null, size);
        }
        return decode(bytes);
    }

    public static Loaded decode(byte[] bytes) {
        int probe = Math.min(bytes.length, 8192);
        for (int i = 0; i < probe; i++) {
            if (bytes[i] == 0) {
                return new Loaded(null, "binary file (contains NUL bytes)", null, bytes.length);
            }
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String text = strict.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
            return new Loaded(text, null, null, bytes.length);
        } catch (CharacterCodingException e) {
            String text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
            int bad = firstInvalid(bytes, start);
            return new Loaded(text, null, "not valid UTF-8 (first invalid byte at offset " + bad
                    + "); analysed with replacement characters", bytes.length);
        }
    }

    private static int firstInvalid(byte[] b, int start) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int lo = start;
        int hi = b.length;
        // binary search for the longest valid prefix
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            try {
                d.reset().decode(ByteBuffer.wrap(b, start, mid - start));
                lo = mid;
            } catch (CharacterCodingException e) {
                hi = mid - 1;
            }
        }
        // a valid prefix may end mid-sequence; step to the first byte that fails
        return lo;
    }
}

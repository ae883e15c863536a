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
    /** The skip code of a file that exists but cannot be read. */
    public static final String UNREADABLE = "unreadable";

    private FileLoader() {
    }

    /**
     * A loaded file: text (null when skipped), and a note explaining a skip or a lossy decode. {@code skipCode}
     * names the reason for machines: {@code too-large}, {@code binary} or {@code unreadable}.
     */
    public record Loaded(String text, String skipReason, String note, long bytes, String skipCode) {
        public boolean skipped() {
            return text == null;
        }

        static Loaded skip(String code, String reason, long bytes) {
            return new Loaded(null, reason, null, bytes, code);
        }

        static Loaded text(String text, String note, long bytes) {
            return new Loaded(text, null, note, bytes, null);
        }
    }

    public static Loaded load(Path file, long maxBytes) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            return Loaded.skip(UNREADABLE, "cannot read: " + e.getMessage(), 0);
        }
        if (size > maxBytes) {
            return Loaded.skip("too-large", String.format("too large (%.1f MB > %.1f MB limit, setting max-file-bytes)",
                    size / 1048576.0, maxBytes / 1048576.0), size);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            return Loaded.skip(UNREADABLE, "cannot read: " + e.getMessage(), size);
        }
        return decode(bytes);
    }

    public static Loaded decode(byte[] bytes) {
        int probe = Math.min(bytes.length, 8192);
        for (int i = 0; i < probe; i++) {
            if (bytes[i] == 0) {
                return Loaded.skip("binary", "binary file (contains NUL bytes)", bytes.length);
            }
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String text = strict.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
            return Loaded.text(text, null, bytes.length);
        } catch (CharacterCodingException e) {
            String text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
            int bad = firstInvalid(bytes, start);
            return Loaded.text(text, "not valid UTF-8 (first invalid byte at offset " + bad
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

package io.archlens.robustness;

import io.archlens.filekind.FileKind;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * The classes of hostile change, each made deterministically from a seed file and a {@link Random}. Byte-level
 * classes work on the UTF-8 bytes (what a file on disk holds; the editor's text is their decoding with
 * replacement characters); the edit classes keep the text and send an out-of-range change after the open.
 */
public enum Mutation {
    BYTE_FLIP, TRUNCATE, INVALID_UTF8, NUL, BOM, CR_ONLY, CRLF, LONG_LINE, MANY_LINES, ALIAS_BOMB, DEEP_NESTING,
    UNTERMINATED_HEREDOC, UNICODE, LONG_KEY, LONG_URL, KEY_ENDING_IN_BRACKET, EDIT_MAX_CHARACTER, EDIT_LINE_PAST_END,
    EDIT_REVERSED_RANGE;

    public static final int ONE_MB = 1 << 20;
    public static final int MANY = 50_000;
    public static final int DEPTH = 10_000;
    public static final int KEY_DOTS = 20_000;
    private static final byte[][] INVALID = {{(byte) 0xC3, 0x28}, {(byte) 0xA0, (byte) 0xA1}, {(byte) 0xFF},
            {(byte) 0xFE}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xE2, 0x28, (byte) 0xA1}, {(byte) 0xF0, 0x28, (byte) 0x8C, (byte) 0xBC},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}};
    private static final String[] UNICODE_BITS = {"😀", "👩‍👩‍👧‍👦", "日本語", "中文", "한국어", "\uD83D", "\uDE00",
            "\uDBFF", "\u202E", "\u2028", "\u0085", "\uFEFF", "e\u0301", "\uFFFF"};

    /** Whether the class means something for this kind (alias bombs need YAML, heredocs a kind that has them). */
    public boolean appliesTo(FileKind kind) {
        return switch (this) {
            case ALIAS_BOMB -> kind.isYaml() || kind == FileKind.AGENT_DEFINITION;
            case UNTERMINATED_HEREDOC -> kind == FileKind.DOCKERFILE || kind == FileKind.TERRAFORM;
            case KEY_ENDING_IN_BRACKET -> kind == FileKind.SPRING_PROPERTIES || kind == FileKind.SPRING_YAML;
            default -> true;
        };
    }

    public boolean isEdit() {
        return this == EDIT_MAX_CHARACTER || this == EDIT_LINE_PAST_END || this == EDIT_REVERSED_RANGE;
    }

    /** The variant of {@code seed} this class makes with {@code r}. */
    Hostile make(long runSeed, int index, Seeds.Seed seed, String relPath, Random r) {
        String t = seed.text();
        FileKind k = seed.kind();
        byte[] bytes = null;
        String text = null;
        ClientText.Change edit = null;
        boolean stays = false;
        switch (this) {
            case BYTE_FLIP -> {
                bytes = t.getBytes(StandardCharsets.UTF_8);
                for (int i = 0, n = 1 + r.nextInt(8); i < n && bytes.length > 0; i++) {
                    bytes[r.nextInt(bytes.length)] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case TRUNCATE -> {
                byte[] all = t.getBytes(StandardCharsets.UTF_8);
                bytes = java.util.Arrays.copyOf(all, r.nextInt(all.length + 1));
            }
            case INVALID_UTF8 -> {
                byte[] all = t.getBytes(StandardCharsets.UTF_8);
                for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
                    all = insert(all, r.nextInt(all.length + 1), INVALID[r.nextInt(INVALID.length)]);
                }
                bytes = all;
            }
            case NUL -> text = k == FileKind.NGINX && r.nextBoolean()
                    ? KindSyntax.appendLine(t, "include conf.d/a\0b.conf;")
                    : insertAt(t, r, "\0", 1 + r.nextInt(3));
            case BOM -> {
                bytes = insert(t.getBytes(StandardCharsets.UTF_8), 0,
                        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                stays = true;
            }
            case CR_ONLY -> text = t.replace("\r\n", "\n").replace('\n', '\r');
            case CRLF -> {
                text = t.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n");
                stays = true;
            }
            case LONG_LINE -> {
                String line = switch (r.nextInt(3)) {
                    case 0 -> k.commentPrefix() + " " + "a".repeat(ONE_MB);
                    case 1 -> "abc ".repeat(ONE_MB / 4);
                    default -> null;
                };
                text = line != null ? insertLine(t, r, line)
                        : KindSyntax.withEntry(k, t, "long_value", "x".repeat(ONE_MB));
            }
            case MANY_LINES -> {
                // the seed's lines over and over, each cut to 38 characters: 50,000 lines stay under the 2 MB
                // max-file-bytes, so the file is analysed, not skipped
                java.util.List<String> lines = t.lines().map(l -> l.length() > 38 ? l.substring(0, 38) : l).toList();
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < MANY; i++) {
                    sb.append(lines.isEmpty() ? "" : lines.get(i % lines.size())).append('\n');
                }
                text = sb.toString();
            }
            case ALIAS_BOMB -> text = aliasBomb(k, t, r);
            case DEEP_NESTING -> text = KindSyntax.withNesting(k, t, DEPTH, r.nextBoolean());
            case UNTERMINATED_HEREDOC -> text = k == FileKind.DOCKERFILE
                    ? KindSyntax.appendLine(t, r.nextBoolean() ? "RUN <<EOF\necho one\necho two" : "COPY <<-EOT /app/x\nline")
                    : KindSyntax.appendLine(t, r.nextBoolean() ? "locals {\n  x = <<EOT\nunterminated"
                            : "resource \"a\" \"b\" {\n  y = <<-EOT\n  text ${var.x}");
            case UNICODE -> {
                text = k == FileKind.NGINX && r.nextBoolean()
                        ? KindSyntax.appendLine(t, "include conf.d/\uD800x" + UNICODE_BITS[r.nextInt(3)] + ".conf;")
                        : t;
                for (int i = 0, n = 1 + r.nextInt(6); i < n; i++) {
                    text = insertAt(text, r, UNICODE_BITS[r.nextInt(UNICODE_BITS.length)], 1);
                }
            }
            case LONG_KEY -> {
                String key = k == FileKind.DOTENV ? "A" + "_A".repeat(KEY_DOTS)
                        : k == FileKind.TERRAFORM || k == FileKind.SQL ? "a" + "_a".repeat(KEY_DOTS)
                        : "a" + ".a".repeat(KEY_DOTS);
                text = KindSyntax.withEntry(k, t, key, "1");
                stays = k == FileKind.SPRING_PROPERTIES || k == FileKind.DOTENV;
            }
            case LONG_URL -> {
                int size = r.nextInt(4) == 0 ? 5_000 + r.nextInt(40_000) : ONE_MB;
                String url = switch (r.nextInt(3)) {
                    case 0 -> "http://" + "a:".repeat(size / 2) + "@";
                    // a scheme at every step and no '@': each "://" starts a match that scans to the end
                    case 1 -> "http://a:".repeat(size / 9);
                    default -> "http://" + "a:".repeat(size / 2);
                };
                text = KindSyntax.withUrl(k, t, url);
            }
            case KEY_ENDING_IN_BRACKET -> {
                text = k == FileKind.SPRING_PROPERTIES ? KindSyntax.appendLine(t, "my.map[=1")
                        : KindSyntax.appendLine(t, "my.map[: 1");
                stays = k == FileKind.SPRING_PROPERTIES;
            }
            case EDIT_MAX_CHARACTER -> {
                text = t;
                int line = r.nextInt(ClientText.lineStarts(t).length);
                edit = r.nextBoolean()
                        ? new ClientText.Change(new ClientText.Pos(line, Integer.MAX_VALUE),
                                new ClientText.Pos(line, Integer.MAX_VALUE), " # end")
                        : new ClientText.Change(new ClientText.Pos(line, 0), new ClientText.Pos(line, Integer.MAX_VALUE),
                                "# replaced line");
                stays = true;
            }
            case EDIT_LINE_PAST_END -> {
                text = t;
                int past = ClientText.lineStarts(t).length + r.nextInt(1000);
                edit = new ClientText.Change(new ClientText.Pos(past, r.nextInt(10)), new ClientText.Pos(past + 2, 0),
                        "\n" + k.commentPrefix() + " appended");
                stays = true;
            }
            case EDIT_REVERSED_RANGE -> {
                text = t;
                int[] starts = ClientText.lineStarts(t);
                int a = ClientText.safeOffset(t, r.nextInt(Math.max(1, t.length()))); // b > a unless t is empty
                int b = ClientText.safeOffset(t, Math.min(t.length(), a + 1 + r.nextInt(30)));
                edit = new ClientText.Change(ClientText.position(t, starts, b), ClientText.position(t, starts, a), "");
            }
            default -> throw new IllegalStateException(name());
        }
        if (text == null) {
            text = ClientText.decode(bytes);
        } else {
            bytes = ClientText.bytes(text);
        }
        if (edit == null) {
            edit = ordinaryEdit(text, r);
        }
        return new Hostile(runSeed, index, seed.relPath(), relPath, k, this, text, bytes, edit, stays);
    }

    /** A small edit inside the text: a few characters typed or deleted at a random place. */
    private static ClientText.Change ordinaryEdit(String text, Random r) {
        int[] starts = ClientText.lineStarts(text);
        int a = ClientText.safeOffset(text, r.nextInt(text.length() + 1));
        int b = r.nextBoolean() ? a : ClientText.safeOffset(text, Math.min(text.length(), a + 1 + r.nextInt(5)));
        String typed = r.nextBoolean() ? "x" : r.nextBoolean() ? "\n" : "";
        return new ClientText.Change(ClientText.position(text, starts, a), ClientText.position(text, starts, b), typed);
    }

    private static String aliasBomb(FileKind k, String t, Random r) {
        StringBuilder sb = new StringBuilder("bomb0: &a0 [")
                .append(String.join(",", java.util.Collections.nCopies(9, "\"lol\""))).append("]\n");
        for (int i = 1; i < 10; i++) {
            String p = "*a" + (i - 1);
            sb.append("bomb").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(",", java.util.Collections.nCopies(9, p))).append("]\n");
        }
        if (k == FileKind.AGENT_DEFINITION) {
            int nl = t.indexOf('\n');
            return nl < 0 ? "---\n" + sb + "---\n" + t : t.substring(0, nl + 1) + sb + t.substring(nl + 1);
        }
        if (KindSyntax.isJson(t)) {
            return sb + t;
        }
        return KindSyntax.appendLine(t, (r.nextBoolean() ? "---\n" : "") + sb.toString().stripTrailing());
    }

    private static String insertLine(String t, Random r, String line) {
        int[] starts = ClientText.lineStarts(t);
        int at = starts[r.nextInt(starts.length)];
        return t.substring(0, at) + line + "\n" + t.substring(at);
    }

    private static String insertAt(String t, Random r, String what, int times) {
        String out = t;
        for (int i = 0; i < times; i++) {
            int at = ClientText.safeOffset(out, r.nextInt(out.length() + 1));
            out = out.substring(0, at) + what + out.substring(at);
        }
        return out;
    }

    private static byte[] insert(byte[] a, int at, byte[] what) {
        byte[] out = new byte[a.length + what.length];
        System.arraycopy(a, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(a, at, out, at + what.length, a.length - at);
        return out;
    }
}

package io.archlens.syntax.treesitter;

import java.nio.charset.StandardCharsets;
import org.treesitter.TSInputEncoding;
import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSParser;
import org.treesitter.TSRange;
import org.treesitter.TSTree;

/**
 * Parses text with a {@link Grammar} and copies the result into a {@link SyntaxTree}, then frees the native tree.
 * Tree-sitter never rejects input: half-typed code gives a tree with ERROR and MISSING nodes around the damage and
 * whole nodes everywhere else. Offsets become UTF-16 code units (tree-sitter counts UTF-8 bytes); lone surrogates,
 * which have no UTF-8 form, are parsed as U+FFFD so every offset still lines up.
 *
 * <p>Speed: a 2,000-line file has some 26,000 nodes and a call into the binding that takes a node costs about a
 * microsecond, so the copy ({@link TreeCopy}) reads each node from the native tree's memory where that is verified
 * ({@link CursorMemory}) and through the binding elsewhere.
 */
public final class TreeSitterParser {
    /** How long one parse may take ({@code -Darchlens.treesitter.parse-budget-ms}); 2 MB of normal code takes ~1 s. */
    static final long PARSE_BUDGET_MS = Long.getLong("archlens.treesitter.parse-budget-ms", 3000);
    private static final int CHUNK = 64 * 1024;
    private static final ThreadLocal<TSParser[]> PARSERS = ThreadLocal.withInitial(() -> new TSParser[Grammar.values().length]);
    private TreeSitterParser() {
    }

    /** What a parse gives: the tree (never null) and, when the grammar could not load, why nothing was parsed. */
    public record Result(SyntaxTree tree, String failure) {
    }

    public static Result parse(Grammar grammar, String text) {
        return parse(grammar, text, null);
    }

    /**
     * Parses {@code text}; with a {@code key} (the document's URI) the previous parse of the same document is reused:
     * tree-sitter reparses incrementally and the unchanged parts of the copy come from the previous copy.
     */
    public static Result parse(Grammar grammar, String text, String key) {
        Grammar.Loaded g = grammar.load();
        if (!g.ok()) {
            return new Result(SyntaxTree.empty(g, text), g.failure());
        }
        TSParser[] parsers = PARSERS.get();
        TSParser parser = parsers[grammar.ordinal()];
        String cacheKey = key == null || text.length() > ParseCache.MAX_CHARS ? null : grammar.id() + " " + key;
        ParseCache.Entry previous = cacheKey == null ? null : ParseCache.take(cacheKey);
        TSTree tree = null;
        try {
            if (parser == null) {
                parser = new TSParser();
                parser.setLanguage(g.language);
                parsers[grammar.ordinal()] = parser;
            }
            String clean = withoutLoneSurrogates(text);
            Reuse reuse = null;
            if (previous != null) {
                TextEdit edit = TextEdit.between(previous.clean(), clean);
                if (edit.isEmpty()) {
                    SyntaxTree same = previous.mirror().withText(text);
                    ParseCache.put(cacheKey, new ParseCache.Entry(clean, previous.tree(), same));
                    previous = null;
                    return new Result(same, null);
                }
                previous.tree().edit(edit.toInputEdit(previous.clean(), clean));
                tree = parseBounded(parser, previous.tree(), clean);
                if (tree != null) {
                    reuse = new Reuse(previous.mirror(), edit, changed(previous.tree(), tree, clean));
                }
            } else {
                tree = parseBounded(parser, null, clean);
            }
            if (tree == null) {
                parser.reset(); // a stopped parse would otherwise be resumed by the next one
                return new Result(SyntaxTree.empty(g, text), grammar.displayName() + " is not analysed: the parser "
                        + "gave up after " + PARSE_BUDGET_MS + " ms on this text (tree-sitter is slow on some "
                        + "pathological inputs, such as very long lines it cannot tokenise)");
            }
            SyntaxTree copy = copy(g, parser, tree, text, clean, reuse);
            if (cacheKey != null) {
                ParseCache.put(cacheKey, new ParseCache.Entry(clean, tree, copy));
                tree = null;
            }
            return new Result(copy, null);
        } catch (Throwable e) { // a native or binding failure must not take the analysis down
            parsers[grammar.ordinal()] = null;
            return new Result(SyntaxTree.empty(g, text), grammar.displayName() + " parser failed: "
                    + e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : ""));
        } finally {
            if (tree != null) {
                tree.close();
            }
            ParseCache.close(previous);
        }
    }

    /** Forgets the kept parse of a document in one grammar. */
    public static void forget(Grammar grammar, String key) {
        ParseCache.forget(grammar.id() + " " + key);
    }

    /** Forgets every kept parse of a document: it was closed in the editor, so nothing of it may stay behind. */
    public static void forgetDocument(String uri) {
        for (Grammar g : Grammar.values()) {
            forget(g, uri);
        }
    }

    /**
     * Parses with a time limit: tree-sitter has inputs on which it takes tens of seconds (a 90 KB line of
     * {@code http://a:} repeated, in Python), and a native call cannot be interrupted, so the parse checks its budget
     * (and the thread's interrupt) as it goes and returns null when it stops.
     */
    private static TSTree parseBounded(TSParser parser, TSTree old, String clean) {
        byte[] utf8 = clean.getBytes(StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + PARSE_BUDGET_MS * 1_000_000L;
        Thread self = Thread.currentThread();
        return parser.parseWithOptions(new byte[CHUNK], old, (buf, offset, point) -> {
            if (offset >= utf8.length) {
                return 0;
            }
            int n = Math.min(buf.length, utf8.length - offset);
            System.arraycopy(utf8, offset, buf, 0, n);
            return n;
        }, TSInputEncoding.TSInputEncodingUTF8, state -> System.nanoTime() > deadline || self.isInterrupted());
    }

    private static List<int[]> changed(TSTree before, TSTree after, String clean) {
        int[] toUtf16 = null;
        List<int[]> out = new ArrayList<>();
        for (TSRange r : TSTree.getChangedRanges(before, after)) {
            if (toUtf16 == null) {
                toUtf16 = Utf8Offsets.map(clean);
            }
            out.add(new int[] {offset(toUtf16, r.getStartByte()), offset(toUtf16, r.getEndByte())});
        }
        return out;
    }

    private static SyntaxTree copy(Grammar.Loaded g, TSParser parser, TSTree tree, String text, String clean,
            Reuse reuse) throws Throwable {
        return TreeCopy.copy(g, tree, text, Utf8Offsets.map(clean), reuse, MemoryCheck.usable(g, parser));
    }

    private static int offset(int[] toUtf16, int b) {
        return TreeCopy.offset(toUtf16, b);
    }

    /** Lone surrogates become U+FFFD (one UTF-16 unit each way, so offsets do not move). */
    static String withoutLoneSurrogates(String s) {
        char[] out = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(ch)) {
                if (out == null) {
                    out = s.toCharArray();
                }
                out[i] = '\uFFFD';
            }
        }
        return out == null ? s : new String(out);
    }
}

package io.archlens.syntax.treesitter;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import org.treesitter.TSInputEncoding;
import org.treesitter.TSNode;
import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSParser;
import org.treesitter.TSRange;
import org.treesitter.TSTree;
import org.treesitter.TSTreeCursor;

/**
 * Parses text with a {@link Grammar} and copies the result into a {@link SyntaxTree}, then frees the native tree.
 * Tree-sitter never rejects input: half-typed code gives a tree with ERROR and MISSING nodes around the damage and
 * whole nodes everywhere else. Offsets become UTF-16 code units (tree-sitter counts UTF-8 bytes); lone surrogates,
 * which have no UTF-8 form, are parsed as U+FFFD so every offset still lines up.
 *
 * <p>Speed: each call into the binding costs about half a microsecond, and a 2,000-line file has some 16,000
 * nodes, so the copy reads a node's start from the node object itself (no call), its type and end with one call
 * each, and a parent's end from its last child.
 */
public final class TreeSitterParser {
    /** How long one parse may take ({@code -Darchlens.treesitter.parse-budget-ms}); 2 MB of normal code takes ~1 s. */
    static final long PARSE_BUDGET_MS = Long.getLong("archlens.treesitter.parse-budget-ms", 3000);
    private static final int CHUNK = 64 * 1024;
    private static final ThreadLocal<TSParser[]> PARSERS = ThreadLocal.withInitial(() -> new TSParser[Grammar.values().length]);
    private static final MethodHandle SYMBOL;
    private static final MethodHandle END;
    private static final MethodHandle MISSING;
    private static final VarHandle START;

    static {
        MethodHandle sym = null;
        MethodHandle end = null;
        MethodHandle missing = null;
        VarHandle start = null;
        try {
            MethodHandles.Lookup l = MethodHandles.privateLookupIn(TSParser.class, MethodHandles.lookup());
            sym = l.findStatic(TSParser.class, "ts_node_symbol", MethodType.methodType(int.class, TSNode.class));
            end = l.findStatic(TSParser.class, "ts_node_end_byte", MethodType.methodType(int.class, TSNode.class));
            missing = l.findStatic(TSParser.class, "ts_node_is_missing", MethodType.methodType(boolean.class, TSNode.class));
            start = MethodHandles.privateLookupIn(TSNode.class, MethodHandles.lookup())
                    .findVarHandle(TSNode.class, "context0", int.class);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            sym = null; // the binding changed shape: use its public (slower) methods
        }
        SYMBOL = sym;
        END = end;
        MISSING = missing;
        START = sym == null ? null : start;
    }

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
            SyntaxTree copy = copy(g, tree, text, clean, reuse);
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

    private static SyntaxTree copy(Grammar.Loaded g, TSTree tree, String text, String clean, Reuse reuse)
            throws Throwable {
        int[] toUtf16 = Utf8Offsets.map(clean);
        SyntaxTree t = new SyntaxTree(g, text, Math.max(64, text.length() / 3));
        TSNode node = tree.getRootNode();
        int idx = add(t, g, node, 0, -1, toUtf16);
        try (TSTreeCursor c = new TSTreeCursor(node)) {
            boolean copied = false;
            outer:
            while (true) {
                if (!copied && c.gotoFirstChild()) {
                    node = c.currentNode();
                    int child = add(t, g, node, c.currentFieldId(), idx, toUtf16);
                    t.firstChild[idx] = child;
                    idx = child;
                    copied = reuse != null && reuse.tryCopy(t, idx, offset(toUtf16, endByte(node)));
                    continue;
                }
                if (!copied) {
                    leafEnd(t, idx, node, toUtf16);
                }
                copied = false;
                while (true) {
                    if (c.gotoNextSibling()) {
                        node = c.currentNode();
                        int sib = add(t, g, node, c.currentFieldId(), t.parent[idx], toUtf16);
                        t.nextSibling[idx] = sib;
                        idx = sib;
                        copied = reuse != null && reuse.tryCopy(t, idx, offset(toUtf16, endByte(node)));
                        continue outer;
                    }
                    if (!c.gotoParent()) {
                        break outer;
                    }
                    int p = t.parent[idx];
                    t.end[p] = Math.max(t.end[idx], t.start[p]);
                    idx = p;
                }
            }
        }
        t.end[0] = text.length(); // the root also covers trailing blank lines and comments
        return t;
    }

    private static int add(SyntaxTree t, Grammar.Loaded g, TSNode n, int fieldId, int parent, int[] toUtf16)
            throws Throwable {
        int symbol = SYMBOL != null ? (int) SYMBOL.invokeExact(n) : n.getSymbol();
        int startByte = START != null ? (int) START.get(n) : n.getStartByte();
        byte flags = 0;
        if (symbol == 0xFFFF || symbol == -1) {
            flags = SyntaxTree.ERROR | SyntaxTree.NAMED;
        } else if (g.isNamed(symbol)) {
            flags = SyntaxTree.NAMED;
        }
        int s = offset(toUtf16, startByte);
        return t.add(symbol, fieldId, parent, s, s, flags);
    }

    private static int endByte(TSNode n) throws Throwable {
        return END != null ? (int) END.invokeExact(n) : n.getEndByte();
    }

    private static void leafEnd(SyntaxTree t, int idx, TSNode n, int[] toUtf16) throws Throwable {
        if ((t.flags[idx] & SyntaxTree.NAMED) == 0) { // a keyword or punctuation: its text is its type, no call needed
            String literal = t.grammar.symbol(t.type[idx]);
            if (!literal.isEmpty() && t.text.startsWith(literal, t.start[idx])) {
                t.end[idx] = t.start[idx] + literal.length();
                return;
            }
        }
        int endByte = END != null ? (int) END.invokeExact(n) : n.getEndByte();
        t.end[idx] = Math.max(t.start[idx], offset(toUtf16, endByte));
        if (t.end[idx] == t.start[idx] && (MISSING != null ? (boolean) MISSING.invokeExact(n) : n.isMissing())) {
            t.flags[idx] |= SyntaxTree.MISSING;
            t.markErrors();
        }
    }

    private static int offset(int[] toUtf16, int b) {
        if (toUtf16 == null) {
            return b;
        }
        return toUtf16[Math.max(0, Math.min(b, toUtf16.length - 1))];
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

package io.archlens.syntax.treesitter;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TSTreeCursor;

/**
 * Copies a native tree into a {@link SyntaxTree} with one cursor walk. What the walk learns of each node (symbol,
 * start, end, missing) comes from {@link CursorMemory} where that is verified for the grammar, else from the
 * binding: a node object per node, its start read from that object, its symbol with one call, its end with another
 * only for leaves whose text is not their type, a parent's end from its last child.
 */
final class TreeCopy {
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

    private TreeCopy() {
    }

    /** The node under the cursor, as one source or the other reads it. */
    interface Node {
        /** Reads the node the cursor now stands on. */
        void load() throws Throwable;

        int symbol();

        int startByte();

        int endByte() throws Throwable;

        boolean missing() throws Throwable;

        /** Whether asking the cursor for a first child is worth a call. */
        boolean mayHaveChildren();
    }

    static SyntaxTree copy(Grammar.Loaded g, TSTree tree, String text, int[] toUtf16, Reuse reuse, boolean memory)
            throws Throwable {
        SyntaxTree t = new SyntaxTree(g, text, Math.max(64, text.length() / 3));
        TSNode root = tree.getRootNode();
        try (TSTreeCursor c = new TSTreeCursor(root)) {
            Node n = memory ? new CursorMemory(g, c) : new Binding(c);
            n.load();
            int idx = add(t, g, n, 0, -1, toUtf16);
            boolean copied = false;
            boolean children = true;
            outer:
            while (true) {
                if (!copied && children && c.gotoFirstChild()) {
                    n.load();
                    children = n.mayHaveChildren();
                    int child = add(t, g, n, c.currentFieldId(), idx, toUtf16);
                    t.firstChild[idx] = child;
                    idx = child;
                    copied = reuse != null && reuse.tryCopy(t, idx, offset(toUtf16, n.endByte()));
                    continue;
                }
                if (!copied) {
                    leafEnd(t, idx, n, toUtf16);
                }
                copied = false;
                while (true) {
                    if (c.gotoNextSibling()) {
                        n.load();
                        children = n.mayHaveChildren();
                        int sib = add(t, g, n, c.currentFieldId(), t.parent[idx], toUtf16);
                        t.nextSibling[idx] = sib;
                        idx = sib;
                        copied = reuse != null && reuse.tryCopy(t, idx, offset(toUtf16, n.endByte()));
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

    private static int add(SyntaxTree t, Grammar.Loaded g, Node n, int fieldId, int parent, int[] toUtf16) {
        int symbol = n.symbol();
        byte flags = 0;
        if (symbol == 0xFFFF || symbol == -1) {
            flags = SyntaxTree.ERROR | SyntaxTree.NAMED;
        } else {
            symbol = g.canonical(symbol);
            if (g.isNamed(symbol)) {
                flags = SyntaxTree.NAMED;
            }
        }
        int s = offset(toUtf16, n.startByte());
        return t.add(symbol, fieldId, parent, s, s, flags);
    }

    private static void leafEnd(SyntaxTree t, int idx, Node n, int[] toUtf16) throws Throwable {
        if ((t.flags[idx] & SyntaxTree.NAMED) == 0) { // a keyword or punctuation: its text is its type, no call needed
            String literal = t.grammar.symbol(t.type[idx]);
            if (!literal.isEmpty() && t.text.startsWith(literal, t.start[idx])) {
                t.end[idx] = t.start[idx] + literal.length();
                return;
            }
        }
        t.end[idx] = Math.max(t.start[idx], offset(toUtf16, n.endByte()));
        if (t.end[idx] == t.start[idx] && n.missing()) {
            t.flags[idx] |= SyntaxTree.MISSING;
            t.markErrors();
        }
    }

    static int offset(int[] toUtf16, int b) {
        if (toUtf16 == null) {
            return b;
        }
        return toUtf16[Math.max(0, Math.min(b, toUtf16.length - 1))];
    }

    /** Through the binding: one node object per node. */
    private static final class Binding implements Node {
        private final TSTreeCursor cursor;
        private TSNode node;

        Binding(TSTreeCursor cursor) {
            this.cursor = cursor;
        }

        @Override
        public void load() {
            node = cursor.currentNode();
        }

        @Override
        public int symbol() {
            try {
                return SYMBOL != null ? (int) SYMBOL.invokeExact(node) : node.getSymbol();
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public int startByte() {
            return START != null ? (int) START.get(node) : node.getStartByte();
        }

        @Override
        public int endByte() throws Throwable {
            return END != null ? (int) END.invokeExact(node) : node.getEndByte();
        }

        @Override
        public boolean missing() throws Throwable {
            return MISSING != null ? (boolean) MISSING.invokeExact(node) : node.isMissing();
        }

        @Override
        public boolean mayHaveChildren() {
            return true;
        }
    }
}

package io.archlens.syntax.treesitter;

import io.archlens.core.TextRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tree-sitter parse copied into plain Java arrays (no native memory is held once it exists): every node in
 * document order with its type, field name, UTF-16 range, parent, first child and next sibling. Immutable once
 * built, so rules on several threads can read it. Nodes are {@link SyntaxNode} views made on demand.
 */
public final class SyntaxTree {
    static final byte NAMED = 1;
    static final byte ERROR = 2;
    static final byte MISSING = 4;

    final Grammar.Loaded grammar;
    final String text;
    int count;
    int[] type;
    int[] field;
    int[] start;
    int[] end;
    int[] parent;
    int[] firstChild;
    int[] nextSibling;
    byte[] flags;
    private boolean errors;
    private volatile Map<String, List<SyntaxNode>> byType;

    SyntaxTree(Grammar.Loaded grammar, String text, int capacity) {
        this.grammar = grammar;
        this.text = text;
        int c = Math.max(capacity, 16);
        type = new int[c];
        field = new int[c];
        start = new int[c];
        end = new int[c];
        parent = new int[c];
        firstChild = new int[c];
        nextSibling = new int[c];
        flags = new byte[c];
    }

    /** An empty tree (the grammar could not load or the parse failed): one root node over the whole text. */
    static SyntaxTree empty(Grammar.Loaded grammar, String text) {
        SyntaxTree t = new SyntaxTree(grammar, text, 1);
        t.add(-1, -1, 0, 0, text.length(), NAMED);
        return t;
    }

    int add(int typeId, int fieldId, int parentIndex, int startOffset, int endOffset, byte flag) {
        if (count == type.length) {
            int c = count * 2;
            type = java.util.Arrays.copyOf(type, c);
            field = java.util.Arrays.copyOf(field, c);
            start = java.util.Arrays.copyOf(start, c);
            end = java.util.Arrays.copyOf(end, c);
            parent = java.util.Arrays.copyOf(parent, c);
            firstChild = java.util.Arrays.copyOf(firstChild, c);
            nextSibling = java.util.Arrays.copyOf(nextSibling, c);
            flags = java.util.Arrays.copyOf(flags, c);
        }
        int i = count++;
        type[i] = typeId;
        field[i] = fieldId;
        parent[i] = count == 1 ? -1 : parentIndex;
        start[i] = startOffset;
        end[i] = endOffset;
        firstChild[i] = -1;
        nextSibling[i] = -1;
        flags[i] = flag;
        if ((flag & (ERROR | MISSING)) != 0) {
            errors = true;
        }
        return i;
    }

    /** The same tree over an equal text (a version that changed nothing). */
    SyntaxTree withText(String same) {
        if (same.equals(text)) {
            SyntaxTree t = new SyntaxTree(grammar, same, 1);
            t.count = count;
            t.type = type;
            t.field = field;
            t.start = start;
            t.end = end;
            t.parent = parent;
            t.firstChild = firstChild;
            t.nextSibling = nextSibling;
            t.flags = flags;
            t.errors = errors;
            return t;
        }
        return this;
    }

    void markErrors() {
        errors = true;
    }

    public String text() {
        return text;
    }

    public Grammar grammar() {
        return grammar.grammar;
    }

    public SyntaxNode root() {
        return new SyntaxNode(this, 0);
    }

    public int size() {
        return count;
    }

    /** The parse met text it could not place (ERROR nodes) or inserted tokens the text lacks (MISSING). */
    public boolean hasErrors() {
        return errors;
    }

    /** Every node of one of these types, in document order (one index over the tree, shared by all rules). */
    public List<SyntaxNode> all(String nodeType) {
        Map<String, List<SyntaxNode>> m = byType;
        if (m == null) {
            m = new HashMap<>();
            for (int i = 0; i < count; i++) {
                if ((flags[i] & NAMED) != 0) {
                    m.computeIfAbsent(typeName(i), k -> new ArrayList<>()).add(new SyntaxNode(this, i));
                }
            }
            m.replaceAll((k, v) -> Collections.unmodifiableList(v));
            byType = m;
        }
        return m.getOrDefault(nodeType, List.of());
    }

    /** The smallest named node that contains the range (the root if none is smaller). */
    public SyntaxNode namedAt(TextRange r) {
        int best = 0;
        for (int i = 0; i < count; i++) {
            if ((flags[i] & NAMED) != 0 && start[i] <= r.start() && end[i] >= r.end()
                    && end[i] - start[i] <= end[best] - start[best]) {
                best = i;
            }
        }
        return new SyntaxNode(this, best);
    }

    String typeName(int i) {
        return (flags[i] & ERROR) != 0 ? "ERROR" : grammar.symbol(type[i]);
    }
}

package io.archlens.syntax.treesitter;

import io.archlens.core.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One node of a {@link SyntaxTree}: a light view (tree and index), equal to any other view of the same node.
 * Types and field names are the grammar's ({@code call}, {@code function}, {@code arguments}...).
 */
public final class SyntaxNode {
    private final SyntaxTree t;
    private final int i;

    SyntaxNode(SyntaxTree tree, int index) {
        this.t = tree;
        this.i = index;
    }

    public SyntaxTree tree() {
        return t;
    }

    public String type() {
        return t.typeName(i);
    }

    public boolean is(String nodeType) {
        return type().equals(nodeType);
    }

    public boolean isAny(String... types) {
        String my = type();
        for (String s : types) {
            if (my.equals(s)) {
                return true;
            }
        }
        return false;
    }

    public boolean isNamed() {
        return (t.flags[i] & SyntaxTree.NAMED) != 0;
    }

    public boolean isError() {
        return (t.flags[i] & SyntaxTree.ERROR) != 0;
    }

    /** A token the parser inserted because the text lacks it (zero width). */
    public boolean isMissing() {
        return (t.flags[i] & SyntaxTree.MISSING) != 0;
    }

    /** The field this node fills in its parent ({@code function}, {@code arguments}), null if none. */
    public String fieldName() {
        return t.grammar.field(t.field[i]);
    }

    public int start() {
        return t.start[i];
    }

    public int end() {
        return t.end[i];
    }

    public TextRange range() {
        return TextRange.of(t.start[i], t.end[i]);
    }

    public String text() {
        return t.text.substring(t.start[i], t.end[i]);
    }

    /** The text without any whitespace ({@code self.session.post} however it is wrapped); no regex, no copy when
     * there is none. */
    public String compactText() {
        int from = t.start[i];
        int to = t.end[i];
        StringBuilder b = null;
        for (int k = from; k < to; k++) {
            char c = t.text.charAt(k);
            if (Character.isWhitespace(c)) {
                if (b == null) {
                    b = new StringBuilder(to - from).append(t.text, from, k);
                }
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? t.text.substring(from, to) : b.toString();
    }

    public SyntaxNode parent() {
        int p = t.parent[i];
        return p < 0 ? null : new SyntaxNode(t, p);
    }

    /** All children, named and anonymous (punctuation, keywords), in order. */
    public List<SyntaxNode> children() {
        List<SyntaxNode> out = new ArrayList<>();
        for (int c = t.firstChild[i]; c >= 0; c = t.nextSibling[c]) {
            out.add(new SyntaxNode(t, c));
        }
        return out;
    }

    public List<SyntaxNode> namedChildren() {
        List<SyntaxNode> out = new ArrayList<>();
        for (int c = t.firstChild[i]; c >= 0; c = t.nextSibling[c]) {
            if ((t.flags[c] & SyntaxTree.NAMED) != 0) {
                out.add(new SyntaxNode(t, c));
            }
        }
        return out;
    }

    /** The first child in a field ({@code function}, {@code name}...), null when there is none. */
    public SyntaxNode field(String name) {
        for (int c = t.firstChild[i]; c >= 0; c = t.nextSibling[c]) {
            if (name.equals(t.grammar.field(t.field[c]))) {
                return new SyntaxNode(t, c);
            }
        }
        return null;
    }

    public Optional<SyntaxNode> fieldOpt(String name) {
        return Optional.ofNullable(field(name));
    }

    public List<SyntaxNode> fieldAll(String name) {
        List<SyntaxNode> out = new ArrayList<>();
        for (int c = t.firstChild[i]; c >= 0; c = t.nextSibling[c]) {
            if (name.equals(t.grammar.field(t.field[c]))) {
                out.add(new SyntaxNode(t, c));
            }
        }
        return out;
    }

    /** The first named child of a type, null when there is none. */
    public SyntaxNode childOfType(String nodeType) {
        for (int c = t.firstChild[i]; c >= 0; c = t.nextSibling[c]) {
            if ((t.flags[c] & SyntaxTree.NAMED) != 0 && t.typeName(c).equals(nodeType)) {
                return new SyntaxNode(t, c);
            }
        }
        return null;
    }

    public SyntaxNode nextNamedSibling() {
        for (int c = t.nextSibling[i]; c >= 0; c = t.nextSibling[c]) {
            if ((t.flags[c] & SyntaxTree.NAMED) != 0) {
                return new SyntaxNode(t, c);
            }
        }
        return null;
    }

    /** The nearest ancestor of one of these types, null when there is none. */
    public SyntaxNode ancestor(String... types) {
        for (int p = t.parent[i]; p >= 0; p = t.parent[p]) {
            String ty = t.typeName(p);
            for (String s : types) {
                if (ty.equals(s)) {
                    return new SyntaxNode(t, p);
                }
            }
        }
        return null;
    }

    /** This node and every node below it, in document order. */
    public void walk(Consumer<SyntaxNode> visit) {
        int last = lastDescendant();
        for (int k = i; k <= last; k++) {
            visit.accept(new SyntaxNode(t, k));
        }
    }

    /** The named nodes below this one of one of these types, in document order. */
    public List<SyntaxNode> descendants(String... types) {
        List<SyntaxNode> out = new ArrayList<>();
        int last = lastDescendant();
        for (int k = i + 1; k <= last; k++) {
            if ((t.flags[k] & SyntaxTree.NAMED) != 0) {
                String ty = t.typeName(k);
                for (String s : types) {
                    if (ty.equals(s)) {
                        out.add(new SyntaxNode(t, k));
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** Whether {@code other} is this node or lies below it. */
    public boolean contains(SyntaxNode other) {
        return other.t == t && other.i >= i && other.i <= lastDescendant();
    }

    /** Nodes are stored in pre-order, so a subtree is a contiguous run of indices. */
    private int lastDescendant() {
        int k = i;
        while (true) {
            int c = t.firstChild[k];
            if (c < 0) {
                return k;
            }
            while (t.nextSibling[c] >= 0) {
                c = t.nextSibling[c];
            }
            k = c;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SyntaxNode n && n.t == t && n.i == i;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(t) * 31 + i;
    }

    @Override
    public String toString() {
        return type() + range();
    }
}

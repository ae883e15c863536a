package io.archlens.syntax.java;

import com.github.javaparser.JavaToken;
import com.github.javaparser.TokenRange;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import io.archlens.core.TextDiff;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an edit falls in a class body: the innermost class or interface whose braces hold it, and the stretch of that
 * body between the last member wholly before the edit and the first member wholly after it (the window). The window's
 * members are what gets parsed again; the tokens {@link #before()} and {@link #after()} it are unchanged.
 */
final class MemberWindow {
    private final Node parent; // the class, or the compilation unit for a window between top-level types
    private final NodeList<Node> members;
    private final int first; // index in the type's members of the first member inside the window
    private final int count; // members inside the window
    private final int start;
    private final int end;
    private final JavaToken before;
    private final JavaToken after;

    @SuppressWarnings("unchecked")
    private MemberWindow(Node parent, NodeList<?> members, int first, int count, int start, int end, JavaToken before,
            JavaToken after) {
        this.parent = parent;
        this.members = (NodeList<Node>) members;
        this.first = first;
        this.count = count;
        this.start = start;
        this.end = end;
        this.before = before;
        this.after = after;
    }

    /** The class, interface or record whose body holds the window; null for a window between top-level types. */
    TypeDeclaration<?> type() {
        return parent instanceof TypeDeclaration<?> t ? t : null;
    }

    /** Offset (old text) of the window's first character: right after {@link #before()}. */
    int start() {
        return start;
    }

    /** Offset (old text) just past the window: where {@link #after()} starts. */
    int end() {
        return end;
    }

    /** The last token before the window (a member's last token or the body's opening brace). */
    JavaToken before() {
        return before;
    }

    /** The first token after the window (a member's first token or the body's closing brace). */
    JavaToken after() {
        return after;
    }

    /**
     * The window of the edit, or null when it is not inside a class or interface body nor between two top-level types
     * (a class header, an enum body, the imports, a compact source file...).
     */
    static MemberWindow around(CompilationUnit cu, Offsets old, TextDiff d) {
        for (TypeDeclaration<?> t : cu.getTypes()) {
            if (t instanceof ClassOrInterfaceDeclaration c && c.isCompact()) {
                return null; // a compact source file (top-level methods): what follows a member depends on what precedes
            }
        }
        List<Node> holders = new ArrayList<>(List.of(cu)); // outermost first
        List<? extends Node> inside = cu.getTypes();
        while (inside != null) {
            TypeDeclaration<?> holder = null;
            for (Node m : inside) {
                if (m instanceof TypeDeclaration<?> t && holds(t, old, d)) {
                    holder = t;
                }
            }
            inside = holder == null ? null : holder.getMembers();
            if (holder != null) {
                holders.add(holder);
            }
        }
        // the innermost body that has a window for the edit; an edit in a class header falls to the enclosing body
        for (int k = holders.size() - 1; k >= 0; k--) {
            Node h = holders.get(k);
            MemberWindow w = null;
            if (h instanceof CompilationUnit) {
                w = window(cu, cu.getTypes(), null, old, d);
            } else if (h instanceof ClassOrInterfaceDeclaration || h instanceof RecordDeclaration) {
                TypeDeclaration<?> c = (TypeDeclaration<?>) h;
                JavaToken close = c.getTokenRange().map(TokenRange::getEnd).orElse(null);
                w = close == null || !"}".equals(close.getText()) ? null : window(c, c.getMembers(), close, old, d);
            }
            if (w != null) {
                return w;
            }
        }
        return null;
    }

    /** {@code close} is the body's closing brace; null between top-level types, where the window ends at a type. */
    private static MemberWindow window(Node parent, NodeList<? extends Node> members, JavaToken close, Offsets old,
            TextDiff d) {
        if (members.isEmpty()) {
            return null;
        }
        int last = -1; // the last member wholly before the edit
        int next = members.size(); // the first member wholly after it
        for (int i = 0; i < members.size(); i++) {
            TokenRange tr = members.get(i).getTokenRange().orElse(null);
            if (tr == null) {
                return null;
            }
            if (old.end(tr.getEnd()) <= d.start()) {
                last = i;
            }
            if (old.start(tr.getBegin()) >= d.oldEnd() && next == members.size()) {
                next = i;
            }
        }
        JavaToken before = last >= 0 ? members.get(last).getTokenRange().get().getEnd()
                : close == null ? null : openingBrace(members.get(0));
        JavaToken after = next < members.size() ? members.get(next).getTokenRange().get().getBegin() : close;
        if (before == null || after == null || next <= last) {
            return null;
        }
        int start = old.end(before);
        int end = old.start(after);
        if (start > d.start() || end < d.oldEnd()) {
            return null;
        }
        return new MemberWindow(parent, members, last + 1, next - last - 1, start, end, before, after);
    }

    /** The body's opening brace: the token before the first member, past whitespace and comments. */
    private static JavaToken openingBrace(Node firstMember) {
        JavaToken t = firstMember.getTokenRange().get().getBegin().getPreviousToken().orElse(null);
        while (t != null && t.getCategory().isWhitespaceOrComment()) {
            t = t.getPreviousToken().orElse(null);
        }
        return t != null && "{".equals(t.getText()) ? t : null;
    }

    /** Whether the edit lies inside the type's text, its first and last character untouched. */
    private static boolean holds(TypeDeclaration<?> t, Offsets old, TextDiff d) {
        TokenRange tr = t.getTokenRange().orElse(null);
        return tr != null && old.start(tr.getBegin()) < d.start() && d.oldEnd() < old.end(tr.getEnd());
    }

    /**
     * Puts {@code fresh} in place of the window's members. A node given a parent is appended to the parent's child
     * nodes, and rules walk child nodes in order: the children from the window on are detached and attached again in
     * document order, so the walk sees what a whole-file parse gives.
     */
    void replaceMembers(List<? extends Node> fresh) {
        List<Node> children = new ArrayList<>(parent.getChildNodes());
        int at = first < members.size() ? indexOf(children, members.get(first))
                : first > 0 ? indexOf(children, members.get(first - 1)) + 1 : children.size();
        List<Node> order = new ArrayList<>(children.subList(0, at));
        order.addAll(fresh);
        List<Node> removed = new ArrayList<>(members.subList(first, first + count));
        for (Node n : children.subList(at, children.size())) {
            if (!containsSame(removed, n)) {
                order.add(n);
            }
        }
        for (int i = 0; i < count; i++) {
            members.remove(first).setParentNode(null);
        }
        for (int i = 0; i < fresh.size(); i++) {
            members.add(first + i, fresh.get(i));
        }
        for (Node n : order.subList(at, order.size())) {
            n.setParentNode(null);
            n.setParentNode(parent);
        }
    }

    private static boolean containsSame(List<Node> nodes, Node n) {
        return indexOf(nodes, n) >= 0;
    }

    private static int indexOf(List<Node> nodes, Node n) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i) == n) {
                return i;
            }
        }
        return -1;
    }
}

package io.archlens.syntax.java;

import com.github.javaparser.JavaParser;
import com.github.javaparser.JavaToken;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.Range;
import com.github.javaparser.TokenRange;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.utils.LineSeparator;
import io.archlens.core.LineIndex;
import io.archlens.core.TextDiff;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The editor's next version of a Java file, parsed member by member. The one edit between the last cleanly parsed
 * version and the new text falls in a class body: between the last member wholly before it and the first member wholly
 * after it lies a window (the member being typed in, or the gap where a comment or a new member goes). Only the
 * window's new text is parsed, inside a stand-in class; its members replace the window's old ones in the kept tree,
 * its tokens replace theirs in the token chain, and the tokens after it move by the lines and columns the edit added.
 * A 1,000-line file then costs the parse of a few lines instead of the whole file, and little garbage. Anything else
 * (an edit in a class header or an enum body, a window that does not parse on its own, a kept parse with
 * errors) answers null and the caller parses the whole file.
 *
 * <p>The kept tree is changed in place: the file of the previous version shares it, so a tree handed to rules must not
 * be read once the next version of the same document has been parsed (the editor analyses the versions of a document
 * one after another on one thread). Node ranges ({@code Node.getRange()}) after the window are not moved: ArchLens
 * reads positions from tokens ({@link Offsets}), which are.
 */
final class MemberReparse {
    private static final int ENTRIES = 4;

    /**
     * A clean parse of {@code text} (the document's {@code version}), kept for its next version. Only another version
     * may reuse it: a fix preview or a check of proposed text for the same version parses on its own.
     */
    record Kept(int version, String text, LineIndex lines, CompilationUnit cu) {
    }

    private static final Map<String, Kept> KEPT = new LinkedHashMap<>(8, 0.75f, true);

    private MemberReparse() {
    }

    static Kept take(String key) {
        synchronized (KEPT) {
            return KEPT.remove(key);
        }
    }

    static void keep(String key, Kept k) {
        synchronized (KEPT) {
            KEPT.put(key, k);
            if (KEPT.size() > ENTRIES) {
                KEPT.remove(KEPT.keySet().iterator().next());
            }
        }
    }

    static void forget(String key) {
        take(key);
    }

    static int size() {
        synchronized (KEPT) {
            return KEPT.size();
        }
    }

    /**
     * The kept unit updated to {@code now} ({@code nowLines} its line index), or null when only a whole-file parse can
     * tell; on null the kept unit is untouched.
     */
    static CompilationUnit reparse(Kept kept, String now, LineIndex nowLines, ParserConfiguration conf) {
        TextDiff d = TextDiff.between(kept.text(), now);
        if (d.isEmpty()) {
            return kept.cu();
        }
        MemberWindow w = MemberWindow.around(kept.cu(), new Offsets(null, kept.text(), kept.lines()), d);
        if (w == null) {
            return null;
        }
        String body = now.substring(w.start(), w.end() + d.delta());
        Parse p = w.type() == null ? topLevel(body, conf) : members(w.type(), body, conf);
        if (p == null) {
            return null;
        }
        List<JavaToken> tokens = p.tokens();
        String prefix = p.prefix();
        // the body's first character stands at the window's start, not after the stand-in's brace
        int line = kept.lines().lineOf(w.start());
        int columns = w.start() - kept.lines().lineStart(line) - prefix.length();
        for (JavaToken t : tokens) {
            t.setRange(moved(t.getRange().orElseThrow(), 1, line, columns));
        }
        List<? extends Node> members = p.members();
        for (Node m : members) {
            moveNodes(m, line, columns);
        }
        Position was = w.after().getRange().orElseThrow().begin;
        w.replaceMembers(members);
        for (JavaToken t = w.before().getNextToken().orElseThrow(), next; t != w.after(); t = next) {
            next = t.getNextToken().orElse(null);
            t.deleteToken();
        }
        for (JavaToken t : tokens) {
            w.after().insert(t);
        }
        int at = w.end() + d.delta();
        int nowLine = nowLines.lineOf(at);
        int shiftLines = nowLine + 1 - was.line;
        int shiftColumns = at - nowLines.lineStart(nowLine) + 1 - was.column;
        if (shiftLines != 0 || shiftColumns != 0) {
            for (JavaToken t = w.after(); t != null; t = t.getNextToken().orElse(null)) {
                Range tr = t.getRange().orElse(null);
                if (tr != null) {
                    t.setRange(moved(tr, was.line, shiftLines, shiftColumns));
                }
            }
        }
        // printing uses the line separator the parse detected: the whole text's, as a whole-file parse records it
        kept.cu().setData(Node.LINE_SEPARATOR_KEY, LineSeparator.detect(now));
        return kept.cu();
    }

    /** The window's new text parsed: its members and its tokens, whose columns on line 1 count {@code prefix} too. */
    private record Parse(String prefix, List<? extends Node> members, List<JavaToken> tokens) {
    }

    /** A class, interface or record body's window, parsed as the body of a stand-in of the same kind. */
    private static Parse members(TypeDeclaration<?> type, String body, ParserConfiguration conf) {
        String prefix = type instanceof RecordDeclaration ? "record W() {"
                : type instanceof ClassOrInterfaceDeclaration c && c.isInterface() ? "interface W {" : "class W {";
        // JavaParser's type-declaration entry point does not take records: a record is parsed as a whole unit
        ParseResult<?> r = type instanceof RecordDeclaration ? new JavaParser(conf).parse(prefix + body + "}")
                : new JavaParser(conf).parseTypeDeclaration(prefix + body + "}");
        Object result = r.isSuccessful() ? r.getResult().orElse(null) : null;
        if (result instanceof CompilationUnit unit) {
            result = unit.getTypes().size() == 1 ? unit.getType(0) : null;
        }
        if (!(result instanceof TypeDeclaration<?> parsed) || parsed.getClass() != type.getClass()) {
            return null;
        }
        TokenRange tr = parsed.getTokenRange().orElse(null);
        if (tr == null || !"}".equals(tr.getEnd().getText())) {
            return null;
        }
        List<JavaToken> tokens = tokens(tr.getBegin(), prefix.length(), tr.getEnd());
        return tokens == null ? null : new Parse(prefix, new ArrayList<>(parsed.getMembers()), tokens);
    }

    /** A window between top-level types, parsed as a compilation unit that must hold types only. */
    private static Parse topLevel(String body, ParserConfiguration conf) {
        ParseResult<CompilationUnit> r = new JavaParser(conf).parse(body);
        if (!r.isSuccessful() || r.getResult().isEmpty()) {
            return null;
        }
        CompilationUnit unit = r.getResult().get();
        if (unit.getPackageDeclaration().isPresent() || !unit.getImports().isEmpty()
                || unit.getModule().isPresent() || unit.getTokenRange().isEmpty()) {
            return null;
        }
        JavaToken first = unit.getTokenRange().get().getBegin();
        while (first.getPreviousToken().isPresent()) {
            first = first.getPreviousToken().get();
        }
        List<JavaToken> tokens = tokens(first, 0, null);
        if (tokens == null || tokens.stream().mapToInt(t -> t.getText().length()).sum() != body.length()) {
            return null;
        }
        return new Parse("", new ArrayList<>(unit.getTypes()), tokens);
    }

    /**
     * The tokens from {@code bodyAt} characters after {@code from} up to {@code end} (excluded; null: up to the end of
     * input, which is left out), or null if no token starts exactly there.
     */
    private static List<JavaToken> tokens(JavaToken from, int bodyAt, JavaToken end) {
        JavaToken t = from;
        int at = 0;
        while (t != null && at < bodyAt) {
            at += t.getText().length();
            t = t.getNextToken().orElse(null);
        }
        if (at != bodyAt) {
            return null;
        }
        List<JavaToken> out = new ArrayList<>();
        for (; t != null && t != end; t = t.getNextToken().orElse(null)) {
            if (end == null && t.getKind() == 0) { // end of input
                return out;
            }
            out.add(t);
        }
        return t == null && end != null ? null : out;
    }

    private static void moveNodes(Node n, int lines, int columns) {
        n.getRange().ifPresent(r -> n.setRange(moved(r, 1, lines, columns)));
        for (Node c : n.getChildNodes()) {
            moveNodes(c, lines, columns);
        }
    }

    /**
     * {@code r} with every position at or after line {@code from} moved down {@code lines} lines, and those on line
     * {@code from} itself moved right {@code columns} columns as well.
     */
    private static Range moved(Range r, int from, int lines, int columns) {
        return new Range(moved(r.begin, from, lines, columns), moved(r.end, from, lines, columns));
    }

    private static Position moved(Position p, int from, int lines, int columns) {
        if (p.line < from) {
            return p;
        }
        return new Position(p.line + lines, p.line == from ? p.column + columns : p.column);
    }
}

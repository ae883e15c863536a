package io.archlens.rules.nginx;

import io.archlens.analysis.Edit;
import io.archlens.core.LineIndex;
import io.archlens.core.TextRange;
import io.archlens.syntax.nginx.NginxDirective;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Insertions that respect the file's layout: new directives get the indentation of their siblings (or the
 * block's indentation plus the file's indent unit) and the file's own line ending, and never land inside a
 * trailing comment or outside a one-line block. In an effective configuration, a directive that an include
 * spliced into the block is anchored at that include, so the edit lands in the block's own file.
 */
final class NginxEdits {
    private final String text;
    private final LineIndex lines;
    private final String eol;
    private final String unit;

    NginxEdits(String text, LineIndex lines) {
        this.text = text;
        this.lines = lines;
        this.eol = LineIndex.lineEnding(text);
        this.unit = detectUnit(text, lines);
    }

    String eol() {
        return eol;
    }

    private static String detectUnit(String text, LineIndex lines) {
        int best = Integer.MAX_VALUE;
        int limit = Math.min(lines.lineCount(), 400);
        for (int l = 0; l < limit; l++) {
            int s = lines.lineStart(l);
            int e = lines.lineEnd(l);
            if (s < e && text.charAt(s) == '\t') {
                return "\t";
            }
            int i = s;
            while (i < e && text.charAt(i) == ' ') {
                i++;
            }
            if (i > s && i < e && text.charAt(i) != '#') {
                best = Math.min(best, i - s);
            }
        }
        return best == Integer.MAX_VALUE ? "    " : " ".repeat(best);
    }

    /** Leading whitespace of the line containing {@code offset}. */
    String lineIndent(int offset) {
        int line = lines.lineOf(offset);
        int s = lines.lineStart(line);
        int e = lines.lineEnd(line);
        int i = s;
        while (i < e && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(s, i);
    }

    /** True when only whitespace precedes {@code offset} on its line. */
    boolean firstOnLine(int offset) {
        int s = lines.lineStart(lines.lineOf(offset));
        for (int i = s; i < offset; i++) {
            if (text.charAt(i) != ' ' && text.charAt(i) != '\t') {
                return false;
            }
        }
        return true;
    }

    /** True when only whitespace or a comment follows {@code offset} on its line. */
    private boolean restIsBlank(int offset) {
        int e = lines.lineEnd(lines.lineOf(offset));
        for (int i = offset; i < e; i++) {
            char c = text.charAt(i);
            if (c == '#') {
                return true;
            }
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Indentation for a directive inside {@code block}. */
    String childIndent(NginxDirective block) {
        if (block.isRoot()) {
            return "";
        }
        for (NginxDirective c : block.children()) {
            if (firstOnLine(c.nameRange().start())) {
                return lineIndent(c.nameRange().start());
            }
        }
        return lineIndent(block.nameRange().start()) + unit;
    }

    private String indentOf(NginxDirective d) {
        return firstOnLine(d.nameRange().start()) ? lineIndent(d.nameRange().start()) : childIndent(d.parent());
    }

    private String join(List<String> newLines, String indent) {
        StringBuilder sb = new StringBuilder();
        for (String l : newLines) {
            sb.append(eol).append(indent).append(l);
        }
        return sb.toString();
    }

    /** New directives on their own lines right after {@code d}. */
    Edit insertAfter(NginxDirective directive, List<String> newLines) {
        NginxDirective d = directive.asWrittenInBlock();
        int end = d.range().end();
        String indent = indentOf(d);
        int at = restIsBlank(end) ? lines.lineEnd(lines.lineOf(end)) : end;
        return Edit.insert(at, join(newLines, indent));
    }

    /** New directives before {@code d} (on their own lines when {@code d} starts its line). */
    Edit insertBefore(NginxDirective directive, List<String> newLines) {
        NginxDirective d = directive.asWrittenInBlock();
        int start = d.nameRange().start();
        if (firstOnLine(start)) {
            String indent = lineIndent(start);
            StringBuilder sb = new StringBuilder();
            for (String l : newLines) {
                sb.append(indent).append(l).append(eol);
            }
            return Edit.insert(lines.lineStart(lines.lineOf(start)), sb.toString());
        }
        return Edit.insert(start, String.join(" ", newLines) + " ");
    }

    /** New directives as the first ones inside {@code block}; null when the block has no brace. */
    Edit insertFirst(NginxDirective block, List<String> newLines) {
        if (block.isRoot()) {
            StringBuilder sb = new StringBuilder();
            for (String l : newLines) {
                sb.append(l).append(eol);
            }
            return Edit.insert(0, sb.toString());
        }
        int brace = block.openBrace();
        if (brace < 0) {
            return null;
        }
        if (restIsBlank(brace + 1)) {
            return Edit.insert(lines.lineEnd(lines.lineOf(brace)), join(newLines, childIndent(block)));
        }
        return Edit.insert(brace + 1, " " + String.join(" ", newLines));
    }

    /** New directives as the last ones inside {@code block}; null when the block is not closed. */
    Edit insertLast(NginxDirective block, List<String> newLines) {
        int close = block.closeBrace();
        if (close < 0) {
            return null;
        }
        if (firstOnLine(close)) {
            String indent = childIndent(block);
            StringBuilder sb = new StringBuilder();
            for (String l : newLines) {
                sb.append(indent).append(l).append(eol);
            }
            return Edit.insert(lines.lineStart(lines.lineOf(close)), sb.toString());
        }
        return Edit.insert(close, String.join(" ", newLines) + " ");
    }

    /**
     * Collects insertions "after directive X" from several places, merging lines that land at the same
     * directive and dropping repeats, so a fix never carries two edits at one offset.
     */
    static final class Batch {
        private final NginxEdits edits;
        private final Map<NginxDirective, List<String>> after = new LinkedHashMap<>();
        private final Map<NginxDirective, List<String>> last = new LinkedHashMap<>();

        Batch(NginxEdits edits) {
            this.edits = edits;
        }

        void after(NginxDirective d, String line) {
            List<String> l = after.computeIfAbsent(d, k -> new ArrayList<>());
            if (!l.contains(line)) {
                l.add(line);
            }
        }

        void last(NginxDirective block, String line) {
            List<String> l = last.computeIfAbsent(block, k -> new ArrayList<>());
            if (!l.contains(line)) {
                l.add(line);
            }
        }

        /**
         * A proxy_set_header line where it joins the list in effect for {@code proxyPass}: after the last
         * proxy_set_header of the level that holds the list (so nothing inherited is dropped), or right after
         * proxy_pass when no level sets any.
         */
        void proxyHeader(NginxDirective proxyPass, NginxScopes.ProxyHeaders ph, String line) {
            NginxDirective level = ph.level();
            if (level == null) {
                after(proxyPass, line);
                return;
            }
            List<NginxDirective> own = level.children("proxy_set_header");
            if (!own.isEmpty()) {
                after(own.get(own.size() - 1), line);
                return;
            }
            NginxDirective anchor = proxyPass;
            for (NginxDirective inc : level.children("include")) {
                String p = inc.argValue(0);
                if (p != null && p.endsWith("proxy_params")) {
                    anchor = inc;
                }
            }
            after(anchor, line);
        }

        boolean isEmpty() {
            return after.isEmpty() && last.isEmpty();
        }

        List<Edit> build() {
            Map<Integer, Edit> byOffset = new LinkedHashMap<>();
            List<Edit> out = new ArrayList<>();
            for (Map.Entry<NginxDirective, List<String>> e : after.entrySet()) {
                add(out, byOffset, edits.insertAfter(e.getKey(), e.getValue()));
            }
            for (Map.Entry<NginxDirective, List<String>> e : last.entrySet()) {
                add(out, byOffset, edits.insertLast(e.getKey(), e.getValue()));
            }
            return out;
        }

        private static void add(List<Edit> out, Map<Integer, Edit> byOffset, Edit e) {
            if (e == null) {
                return;
            }
            Edit prev = byOffset.get(e.range().start());
            if (prev != null) {
                Edit merged = new Edit(prev.range(), prev.newText() + e.newText());
                out.set(out.indexOf(prev), merged);
                byOffset.put(e.range().start(), merged);
            } else {
                out.add(e);
                byOffset.put(e.range().start(), e);
            }
        }
    }

    static Edit replace(TextRange r, String s) {
        return Edit.replace(r, s);
    }
}

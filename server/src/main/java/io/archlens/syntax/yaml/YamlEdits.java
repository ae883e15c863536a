package io.archlens.syntax.yaml;

import io.archlens.analysis.Edit;
import io.archlens.analysis.SourceFile;
import io.archlens.core.LineIndex;
import io.archlens.core.TextRange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Text edits on a YAML file that keep its own style: indentation unit, line endings (CRLF stays CRLF),
 * block or flow (JSON) notation. Quick fixes of every YAML kind build their edits here.
 *
 * <p>New content is given as a small <em>template</em>: {@code key: value} lines, nested by two spaces per
 * level, e.g. {@code "logging:\n  driver: json-file"}. Templates hold mappings only (write sequences in flow
 * style, {@code drop: ["ALL"]}); they are re-indented with the file's unit, or rendered inline
 * ({@code {a: b}}, with quoted keys in JSON files) when the target mapping is a flow mapping.
 *
 * <p>Every method returns null when it cannot produce an edit that keeps the file valid (an alias where a
 * mapping was expected, a scalar in the way...); callers then offer no fix.
 */
public final class YamlEdits {
    private static final int MAX_UNIT_SAMPLES = 400;
    private static final Pattern JSON_LITERAL = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?|true|false|null");
    private static final Pattern PLAIN_SAFE = Pattern.compile("[A-Za-z0-9_./][A-Za-z0-9_./ :=+-]*[A-Za-z0-9_./+-]|[A-Za-z0-9_./]");

    private final String text;
    private final LineIndex lines;
    private final YamlFile yaml;
    private final String eol;
    private final boolean json;
    private int unit;

    private YamlEdits(String text, LineIndex lines, YamlFile yaml) {
        this.text = text;
        this.lines = lines;
        this.yaml = yaml;
        this.eol = lineEnding(text);
        this.json = looksLikeJson(text);
    }

    public static YamlEdits of(SourceFile file, YamlFile yaml) {
        return new YamlEdits(file.text(), file.lines(), yaml);
    }

    public static YamlEdits of(String text, YamlFile yaml) {
        return new YamlEdits(text, LineIndex.of(text), yaml);
    }

    // ---------------------------------------------------------------- style of the file

    /** The file's line break: CRLF or CR when its first line break is one, else LF. */
    public static String lineEnding(String text) {
        return LineIndex.lineEnding(text);
    }

    public String lineEnding() {
        return eol;
    }

    /** True when the file is written in JSON notation (its first character opens a flow collection). */
    public boolean isJson() {
        return json;
    }

    private static boolean looksLikeJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFEFF' || Character.isWhitespace(c)) {
                continue;
            }
            return c == '{' || c == '[';
        }
        return false;
    }

    /**
     * The file's indentation step: the most common distance between a key and the entries of the block
     * mapping under it (2 when the file has no nested block mapping).
     */
    public int indentUnit() {
        if (unit == 0) {
            unit = detectUnit();
        }
        return unit;
    }

    private int detectUnit() {
        int[] counts = new int[9];
        int samples = 0;
        Deque<YNode> stack = new ArrayDeque<>();
        Map<YNode, Boolean> seen = new IdentityHashMap<>();
        if (yaml != null) {
            for (YamlDocument d : yaml.documents()) {
                if (d.root() != null) {
                    stack.push(d.root());
                }
            }
        }
        while (!stack.isEmpty() && samples < MAX_UNIT_SAMPLES) {
            YNode n = stack.pop();
            if (seen.put(n, Boolean.TRUE) != null) {
                continue;
            }
            if (n instanceof YMap m) {
                for (YEntry e : m.entries()) {
                    if (isAlias(e)) {
                        continue;
                    }
                    if (!m.flow() && e.value() instanceof YMap child && !child.flow() && !child.entries().isEmpty()) {
                        int keyStart = e.key().range().start();
                        int childStart = child.entries().get(0).key().range().start();
                        if (lines.lineOf(childStart) > lines.lineOf(keyStart)) {
                            int d = column(childStart) - column(keyStart);
                            if (d > 0 && d < counts.length) {
                                counts[d]++;
                                samples++;
                            }
                        }
                    }
                    stack.push(e.value());
                }
            } else if (n instanceof YSeq s) {
                for (YNode item : s.items()) {
                    stack.push(item);
                }
            }
        }
        int best = 2;
        int bestCount = 0;
        for (int d = 1; d < counts.length; d++) {
            if (counts[d] > bestCount) {
                best = d;
                bestCount = counts[d];
            }
        }
        return best;
    }

    /** Zero-based column (UTF-16) of an offset. */
    public int column(int offset) {
        return offset - lines.lineStart(lines.lineOf(offset));
    }

    /** The column of a block mapping's entries; -1 for a flow or empty mapping. */
    public int entryIndent(YMap map) {
        if (map.flow() || map.entries().isEmpty()) {
            return -1;
        }
        return column(map.entries().get(0).key().range().start());
    }

    // ---------------------------------------------------------------- where nodes end

    /** True when the entry's value is an alias ({@code key: *anchor}): its node lives at the anchor. */
    public static boolean isAlias(YEntry e) {
        return e.value().range().start() < e.key().range().end();
    }

    /**
     * Where the node's own text ends: the end of its last scalar or flow collection, trailing comments and
     * blank lines excluded. -1 when that end cannot be known (the node ends with an alias item).
     */
    public int end(YNode n) {
        if (n instanceof YMap m) {
            if (m.flow() || m.entries().isEmpty()) {
                return m.range().end();
            }
            return entryEnd(m.entries().get(m.entries().size() - 1));
        }
        if (n instanceof YSeq s) {
            if (s.flow() || s.items().isEmpty()) {
                return s.range().end();
            }
            int k = s.items().size();
            YNode last = s.items().get(k - 1);
            if (last.range().start() < s.range().start()
                    || (k > 1 && last.range().start() <= s.items().get(k - 2).range().start())) {
                return -1;
            }
            return end(last);
        }
        return n.range().end();
    }

    /** Where an entry's text ends (see {@link #end}); an alias value ends after its {@code *name}. */
    public int entryEnd(YEntry e) {
        if (!isAlias(e)) {
            return end(e.value());
        }
        int i = colonEnd(e);
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i >= text.length() || text.charAt(i) != '*') {
            return -1;
        }
        while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && ",]}".indexOf(text.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    /** The offset just past the ':' that follows an entry's key. */
    public int colonEnd(YEntry e) {
        int i = e.key().range().end();
        while (i < text.length() && text.charAt(i) != ':') {
            i++;
        }
        return Math.min(i + 1, text.length());
    }

    /** The range from an entry's key to the end of its value: what a finding about the whole entry covers. */
    public TextRange entryRange(YEntry e) {
        int end = entryEnd(e);
        return new TextRange(e.key().range().start(), Math.max(e.key().range().end(), end));
    }

    // ---------------------------------------------------------------- rendering templates

    /** The template as block lines at {@code indent} plus one unit per template level; every line ends with the file's line break. */
    public String render(String template, int indent) {
        StringBuilder sb = new StringBuilder();
        for (String line : template.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int spaces = 0;
            while (spaces < line.length() && line.charAt(spaces) == ' ') {
                spaces++;
            }
            int level = spaces / 2;
            sb.append(" ".repeat(indent + level * indentUnit())).append(line.strip()).append(eol);
        }
        return sb.toString();
    }

    /** The template's entries inline ({@code a: 1, b: {c: d}}), JSON-quoted when {@code jsonStyle}. */
    public static String renderFlow(String template, boolean jsonStyle) {
        return flowEntries(parseTemplate(template), jsonStyle);
    }

    private record TNode(String key, String value, List<TNode> children) {
    }

    private static List<TNode> parseTemplate(String template) {
        List<TNode> roots = new ArrayList<>();
        Deque<Map.Entry<Integer, TNode>> stack = new ArrayDeque<>();
        for (String line : template.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int spaces = 0;
            while (spaces < line.length() && line.charAt(spaces) == ' ') {
                spaces++;
            }
            int level = spaces / 2;
            String content = line.strip();
            int sep = content.indexOf(": ");
            String key;
            String value;
            if (sep >= 0) {
                key = content.substring(0, sep);
                value = content.substring(sep + 2).strip();
            } else {
                key = content.endsWith(":") ? content.substring(0, content.length() - 1) : content;
                value = null;
            }
            TNode node = new TNode(key, value, new ArrayList<>());
            while (!stack.isEmpty() && stack.peek().getKey() >= level) {
                stack.pop();
            }
            if (stack.isEmpty()) {
                roots.add(node);
            } else {
                stack.peek().getValue().children().add(node);
            }
            stack.push(Map.entry(level, node));
        }
        return roots;
    }

    private static String flowEntries(List<TNode> nodes, boolean jsonStyle) {
        StringBuilder sb = new StringBuilder();
        for (TNode n : nodes) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(jsonStyle ? jsonString(unquote(n.key())) : n.key()).append(": ");
            if (!n.children().isEmpty() || n.value() == null) {
                sb.append('{').append(flowEntries(n.children(), jsonStyle)).append('}');
            } else {
                sb.append(jsonStyle ? jsonValue(n.value()) : n.value());
            }
        }
        return sb.toString();
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static String jsonValue(String v) {
        if (JSON_LITERAL.matcher(v).matches() || v.startsWith("\"") || v.startsWith("[") || v.startsWith("{")) {
            return v;
        }
        return jsonString(unquote(v));
    }

    /** A JSON (and YAML) double-quoted string. */
    public static String jsonString(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** The value as a YAML scalar: plain when that is unambiguous, double-quoted otherwise. */
    public static String scalar(String value) {
        if (PLAIN_SAFE.matcher(value).matches() && !value.contains(": ") && !value.contains(" #")
                && !JSON_LITERAL.matcher(value).matches() && !value.matches("(?i)yes|no|on|off|y|n|~")) {
            return value;
        }
        return jsonString(value);
    }

    private static String nest(List<String> path, String template) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.size(); i++) {
            sb.append("  ".repeat(i)).append(path.get(i)).append(":\n");
        }
        String pad = "  ".repeat(path.size());
        for (String line : template.split("\n")) {
            if (!line.isBlank()) {
                sb.append(pad).append(line).append('\n');
            }
        }
        return sb.toString();
    }

    private static boolean jsonKeys(YMap map) {
        return !map.entries().isEmpty() && map.entries().get(0).key() instanceof YScalar k && !k.plain()
                && k.range().length() > 0;
    }

    private boolean jsonKeysAt(YMap map) {
        if (map.entries().isEmpty()) {
            return json;
        }
        int s = map.entries().get(0).key().range().start();
        return s < text.length() && text.charAt(s) == '"' && jsonKeys(map);
    }

    // ---------------------------------------------------------------- edits

    /** Appends the template's entries at the end of a mapping (block: own lines at the entries' column). */
    public Edit insertEntries(YMap map, String template) {
        if (map.entries().isEmpty()) {
            if (!map.flow()) {
                return null;
            }
            return Edit.replace(map.range(), "{" + renderFlow(template, json) + "}");
        }
        return insertEntriesAfter(map, map.entries().get(map.entries().size() - 1), template);
    }

    /** Inserts the template's entries right after {@code after}, an entry of {@code map}. */
    public Edit insertEntriesAfter(YMap map, YEntry after, String template) {
        int end = entryEnd(after);
        if (end < 0) {
            return null;
        }
        if (map.flow()) {
            boolean jsonStyle = jsonKeysAt(map);
            List<TNode> nodes = parseTemplate(template);
            int keyStart = after.key().range().start();
            boolean multiline = lines.lineOf(keyStart) != lines.lineOf(map.range().start());
            StringBuilder sb = new StringBuilder();
            for (TNode n : nodes) {
                String one = flowEntries(List.of(n), jsonStyle);
                if (multiline) {
                    sb.append(',').append(eol).append(" ".repeat(column(keyStart))).append(one);
                } else {
                    sb.append(", ").append(one);
                }
            }
            return Edit.insert(end, sb.toString());
        }
        int indent = entryIndent(map);
        return insertLinesAfter(end, render(template, indent));
    }

    private Edit insertLinesAfter(int contentEnd, String block) {
        int line = lines.lineOf(contentEnd);
        int at = lines.lineEndIncludingBreak(line);
        if (at == lines.lineEnd(line)) {
            return Edit.insert(at, eol + block.substring(0, block.length() - eol.length()));
        }
        return Edit.insert(at, block);
    }

    /**
     * Replaces an entry's value (typically empty, {@code {}} or {@code ~}) with the template's mapping,
     * nested one unit under the key. In a flow mapping the value becomes {@code {...}}.
     */
    public Edit replaceValue(YMap map, YEntry entry, String template) {
        if (isAlias(entry)) {
            return null;
        }
        int end = entryEnd(entry);
        if (end < 0) {
            return null;
        }
        YNode v = entry.value();
        if (map.flow()) {
            String flow = "{" + renderFlow(template, jsonKeysAt(map)) + "}";
            if (v.range().isEmpty()) {
                return Edit.insert(colonEnd(entry), " " + flow);
            }
            return Edit.replace(v.range(), flow);
        }
        int keyLine = lines.lineOf(entry.key().range().start());
        String block = render(template, column(entry.key().range().start()) + indentUnit());
        String body = eol + block.substring(0, block.length() - eol.length());
        if (v instanceof YScalar s && s.isNull() && v.range().isEmpty()) {
            return Edit.insert(lines.lineEnd(keyLine), body);
        }
        int start = lines.lineOf(v.range().start()) > keyLine ? lines.lineEnd(keyLine) : colonEnd(entry);
        if (start > end) {
            return null;
        }
        return Edit.replace(new TextRange(start, end), body);
    }

    /**
     * Makes sure {@code map} has the nested mappings named by {@code path} and adds the template's entries
     * to the innermost one, creating whatever is missing in one insertion. The caller checks that the
     * template's keys are not already there.
     */
    public Edit ensure(YMap map, List<String> path, String template) {
        YMap cur = map;
        for (int i = 0; i < path.size(); i++) {
            YEntry e = cur.entry(path.get(i));
            if (e == null) {
                return insertEntries(cur, nest(path.subList(i, path.size()), template));
            }
            if (isAlias(e)) {
                return null;
            }
            YNode v = e.value();
            if (v instanceof YMap m && !m.entries().isEmpty()) {
                cur = m;
                continue;
            }
            if ((v instanceof YMap m && m.entries().isEmpty()) || (v instanceof YScalar s && s.isNull())) {
                return replaceValue(cur, e, nest(path.subList(i + 1, path.size()), template));
            }
            return null;
        }
        return insertEntries(cur, template);
    }

    /**
     * Sets {@code path}'s last key to a scalar: replaces an existing scalar value (keeping its quoting) or
     * inserts the entry, creating missing parent mappings. {@code value} is written as given.
     */
    public Edit setScalar(YMap map, List<String> path, String value) {
        YNode cur = map;
        for (int i = 0; i < path.size() - 1 && cur instanceof YMap m; i++) {
            YEntry e = m.entry(path.get(i));
            if (e == null) {
                cur = null;
                break;
            }
            if (isAlias(e)) {
                return null;
            }
            cur = e.value();
        }
        String key = path.get(path.size() - 1);
        if (cur instanceof YMap m && m.entry(key) != null) {
            YEntry e = m.entry(key);
            if (isAlias(e) || !(e.value() instanceof YScalar s)) {
                return null;
            }
            if (s.isNull() && s.range().isEmpty()) {
                return Edit.insert(colonEnd(e), " " + value);
            }
            return replaceScalar(s, value);
        }
        return ensure(map, path.subList(0, path.size() - 1), key + ": " + value);
    }

    /** Replaces a scalar's value, keeping single or double quotes when it had them. */
    public Edit replaceScalar(YScalar s, String value) {
        TextRange r = s.range();
        char first = r.isEmpty() ? ' ' : text.charAt(r.start());
        if (first == '"') {
            return Edit.replace(r, jsonString(value));
        }
        if (first == '\'') {
            return Edit.replace(r, "'" + value.replace("'", "''") + "'");
        }
        if (!s.plain()) {
            return Edit.replace(r, jsonString(value));
        }
        return Edit.replace(r, value);
    }

    /**
     * Removes an entry. In block style its whole lines go (with one blank line after it when it was the
     * first line of a document); in {@code - key: v} the next entry moves up after the dash; in flow style
     * the separating comma goes too. Null when the entry is the only one of a sequence item.
     */
    public Edit removeEntry(YMap map, YEntry entry) {
        List<YEntry> entries = map.entries();
        int idx = -1;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) == entry) {
                idx = i;
            }
        }
        int end = entryEnd(entry);
        if (idx < 0 || end < 0) {
            return null;
        }
        int keyStart = entry.key().range().start();
        if (map.flow()) {
            if (idx < entries.size() - 1) {
                return Edit.delete(new TextRange(keyStart, entries.get(idx + 1).key().range().start()));
            }
            if (idx == 0) {
                return Edit.delete(new TextRange(keyStart, end));
            }
            int prevEnd = entryEnd(entries.get(idx - 1));
            return prevEnd < 0 ? null : Edit.delete(new TextRange(prevEnd, end));
        }
        int keyLine = lines.lineOf(keyStart);
        boolean firstOnLine = text.substring(lines.lineStart(keyLine), keyStart).isBlank();
        if (!firstOnLine) {
            if (idx == 0 && entries.size() > 1) {
                return Edit.delete(new TextRange(keyStart, entries.get(1).key().range().start()));
            }
            return null;
        }
        int start = lines.lineStart(keyLine);
        int lastLine = lines.lineOf(end);
        int stop = lines.lineEndIncludingBreak(lastLine);
        boolean docStart = keyLine == 0 || lines.lineText(keyLine - 1).strip().equals("---")
                || lines.lineText(keyLine - 1).isBlank();
        if (docStart && lastLine + 1 < lines.lineCount() && lines.lineText(lastLine + 1).isBlank()
                && stop < text.length()) {
            stop = lines.lineEndIncludingBreak(lastLine + 1);
        }
        return Edit.delete(new TextRange(start, stop));
    }

    /** Appends a scalar item (written as given) to a sequence, block or flow. */
    public Edit appendItem(YSeq seq, String item) {
        if (seq.flow() || seq.items().isEmpty()) {
            if (!seq.flow()) {
                return null;
            }
            if (seq.items().isEmpty()) {
                return Edit.replace(seq.range(), "[" + item + "]");
            }
            int end = end(seq.items().get(seq.items().size() - 1));
            return end < 0 ? null : Edit.insert(end, ", " + item);
        }
        int end = end(seq);
        if (end < 0) {
            return null;
        }
        int firstStart = seq.range().start();
        int dash = firstStart;
        if (dash >= text.length() || text.charAt(dash) != '-') {
            return null;
        }
        return insertLinesAfter(end, " ".repeat(column(dash)) + "- " + item + eol);
    }
}

package io.archlens.syntax.yaml;

import io.archlens.analysis.CoreRules;
import io.archlens.analysis.ParseIssue;
import io.archlens.analysis.Parsed;
import io.archlens.analysis.Severity;
import io.archlens.analysis.SourceFile;
import io.archlens.core.LineIndex;
import io.archlens.core.TextRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;

/**
 * YAML with exact positions, on SnakeYAML Engine's node API. Never throws: syntax errors become
 * {@code archlens/syntax-error} at the parser's mark, duplicate keys {@code archlens/duplicate-key}, and an
 * alias bomb is reported instead of expanded.
 */
public final class YamlParser {
    /**
     * Aliases to collections allowed per stream (SnakeYAML refuses more). Kept high: Compose files reuse
     * anchors per service ({@code <<: *defaults}, {@code logging: *logging}), and aliases are never expanded;
     * bombs are caught by the expansion budget below.
     */
    public static final int MAX_COLLECTION_ALIASES = 10_000;
    /**
     * Aliases may add this many nodes to a document (counting each alias as its whole subtree), and
     * {@link #MAX_EXPANSION_RATIO} times its distinct nodes, before it counts as a bomb and is dropped.
     */
    public static final int MAX_EXPANDED_NODES = 200_000;
    public static final int MAX_EXPANSION_RATIO = 16;

    private YamlParser() {
    }

    public static Parsed<YamlFile> parse(SourceFile file) {
        LineIndex lines = file.lines();
        List<ParseIssue> issues = new ArrayList<>();
        List<YamlDocument> docs = new ArrayList<>();
        LoadSettings settings = LoadSettings.builder()
                .setMaxAliasesForCollections(MAX_COLLECTION_ALIASES)
                .setAllowRecursiveKeys(false)
                .setCodePointLimit(Integer.MAX_VALUE)
                .setUseMarks(true)
                .setLabel(file.path())
                .build();
        boolean complete = true;
        try {
            Iterator<Node> it = new Compose(settings).composeAllFromString(source(file.text())).iterator();
            int index = 0;
            while (it.hasNext()) {
                Node n = it.next();
                Converter c = new Converter(lines, issues);
                YNode root = n == null ? null : c.convert(n, 0);
                TextRange r = root == null ? TextRange.empty(0) : root.range();
                if (c.bombReported) {
                    // anyone walking the DAG as a tree would expand it: the document is dropped, not analysed
                    root = null;
                    complete = false;
                }
                docs.add(new YamlDocument(root, r, index++));
            }
        } catch (MarkedYamlEngineException e) {
            complete = false;
            int at = offset(lines, e.getProblemMark().or(e::getContextMark));
            String msg = e.getProblem() == null ? "invalid YAML" : e.getProblem();
            if (e.getContext() != null && !e.getContext().isBlank()) {
                msg = msg + " (" + e.getContext() + ")";
            }
            if (msg.contains("aliases for non-scalar nodes exceeds")) {
                msg = "Too many aliases (more than " + MAX_COLLECTION_ALIASES
                        + "): possible alias bomb (\"billion laughs\"); not expanded";
            }
            issues.add(ParseIssue.syntax(lineRangeAt(lines, at), "YAML: " + msg));
        } catch (YamlEngineException e) {
            complete = false;
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("aliases for non-scalar nodes exceeds")) {
                msg = "Too many aliases (more than " + MAX_COLLECTION_ALIASES
                        + "): possible alias bomb (\"billion laughs\"); not expanded";
            }
            issues.add(ParseIssue.syntax(TextRange.empty(0), "YAML: " + msg));
        } catch (RuntimeException | StackOverflowError e) {
            complete = false;
            issues.add(ParseIssue.syntax(TextRange.empty(0), "YAML could not be parsed: " + e.getClass().getSimpleName()));
        }
        return new Parsed<>(new YamlFile(docs, complete), issues);
    }

    /**
     * The text SnakeYAML reads. JSON may be indented with tabs, which YAML forbids at the start of a line even
     * in flow context; a JSON string cannot hold a raw tab, so tabs become spaces (same length: every offset
     * and every value stays the same).
     */
    private static String source(String text) {
        if (text.indexOf('\t') < 0) {
            return text;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFEFF' || Character.isWhitespace(c)) {
                continue;
            }
            return c == '{' || c == '[' ? text.replace('\t', ' ') : trailingTabs(text);
        }
        return text;
    }

    /**
     * Tabs at the end of a line ({@code metadata:<TAB>}), which kubectl and Compose accept and SnakeYAML refuses, as
     * spaces (one for one: offsets do not move). Tabs elsewhere stay, so real tab indentation is still an error.
     */
    static String trailingTabs(String text) {
        char[] c = null;
        int i = text.length() - 1;
        boolean atEnd = true;
        for (; i >= 0; i--) {
            char ch = text.charAt(i);
            if (ch == '\n' || ch == '\r') {
                atEnd = true;
            } else if (ch == '\t' && atEnd) {
                if (c == null) {
                    c = text.toCharArray();
                }
                c[i] = ' ';
            } else if (ch != ' ') {
                atEnd = false;
            }
        }
        return c == null ? text : new String(c);
    }

    private static TextRange lineRangeAt(LineIndex lines, int offset) {
        int line = lines.lineOf(offset);
        int end = lines.lineEnd(line);
        return new TextRange(offset, Math.max(offset, end));
    }

    static int offset(LineIndex lines, Optional<Mark> mark) {
        return mark.map(m -> lines.offsetOfCodePointColumn(m.getLine(), m.getColumn())).orElse(0);
    }

    private static final class Converter {
        private final LineIndex lines;
        private final List<ParseIssue> issues;
        private final Map<Node, YNode> done = new IdentityHashMap<>();
        private final Map<Node, Long> sizes = new IdentityHashMap<>();
        /** Nodes visited so far, counting an alias as its whole anchored subtree (for subtree sizes). */
        private long visited;
        /** Nodes visited only because of aliases: bounded, so a billion-laughs file is not expanded. */
        private long aliasCost;
        private boolean bombReported;

        private boolean isBomb() {
            return aliasCost > MAX_EXPANDED_NODES && aliasCost > (long) MAX_EXPANSION_RATIO * done.size();
        }

        Converter(LineIndex lines, List<ParseIssue> issues) {
            this.lines = lines;
            this.issues = issues;
        }

        YNode convert(Node n, int depth) {
            YNode prev = done.get(n);
            if (prev != null) {
                // an alias: a full expansion would visit the anchored subtree again
                long size = sizes.getOrDefault(n, 1L);
                visited += size;
                aliasCost += size;
                if (!isBomb()) {
                    return prev;
                }
            }
            long before = visited;
            if (prev == null) {
                visited++;
            }
            if (isBomb() || depth > 500) {
                if (!bombReported) {
                    bombReported = true;
                    issues.add(ParseIssue.syntax(range(n), depth > 500
                            ? "YAML nesting deeper than 500 levels; the rest is not analysed"
                            : "YAML aliases expand to more than " + MAX_EXPANDED_NODES
                                    + " nodes (alias bomb?); the rest is not analysed"));
                }
                return new YScalar("", true, null, range(n));
            }
            String tag = n.getTag() == null ? null : n.getTag().getValue();
            YNode out;
            if (n instanceof ScalarNode s) {
                out = new YScalar(s.getValue(), s.getScalarStyle() == ScalarStyle.PLAIN, tag, range(n));
            } else if (n instanceof SequenceNode s) {
                List<YNode> items = new ArrayList<>(s.getValue().size());
                for (Node child : s.getValue()) {
                    items.add(convert(child, depth + 1));
                }
                out = new YSeq(items, s.getFlowStyle() == FlowStyle.FLOW, tag, range(n));
            } else if (n instanceof MappingNode m) {
                List<YEntry> entries = new ArrayList<>(m.getValue().size());
                Map<String, YNode> seen = new HashMap<>();
                for (NodeTuple t : m.getValue()) {
                    YNode k = convert(t.getKeyNode(), depth + 1);
                    YNode v = convert(t.getValueNode(), depth + 1);
                    String kt = k.text();
                    if (kt != null && !"<<".equals(kt) && !bombReported) {
                        YNode first = seen.putIfAbsent(kt, k);
                        if (first != null) {
                            var pos = lines.position(first.range().start());
                            issues.add(new ParseIssue(CoreRules.DUPLICATE_KEY.id(), Severity.WARNING, k.range(),
                                    "Duplicate key '" + kt + "' (first at line " + (pos.line() + 1)
                                            + "); the last one wins"));
                        }
                    }
                    entries.add(new YEntry(k, v));
                }
                out = new YMap(entries, m.getFlowStyle() == FlowStyle.FLOW, tag, range(n));
            } else {
                out = new YScalar("", true, tag, range(n));
            }
            done.put(n, out);
            sizes.put(n, Math.max(1, visited - before));
            return out;
        }

        private TextRange range(Node n) {
            int s = offset(lines, n.getStartMark());
            int e = offset(lines, n.getEndMark());
            if (e < s) {
                e = s;
            }
            // SnakeYAML's end mark for block collections may sit after trailing line breaks; trim them.
            String text = lines.text();
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            return new TextRange(s, e);
        }
    }
}

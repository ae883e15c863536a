package io.archlens.syntax.openapi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.archlens.analysis.CoreRules;
import io.archlens.analysis.ParseIssue;
import io.archlens.analysis.Parsed;
import io.archlens.analysis.Severity;
import io.archlens.analysis.SourceFile;
import io.archlens.core.LineIndex;
import io.archlens.core.TextRange;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YSeq;
import io.archlens.syntax.yaml.YamlDocument;
import io.archlens.syntax.yaml.YamlFile;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON documents as the YAML node model, with exact ranges. SnakeYAML rejects JSON indented with tabs and is
 * slow on multi-megabyte specs, so JSON files go through Jackson's streaming parser instead. Iterative (no
 * recursion), never throws; a syntax error keeps the nodes built so far.
 */
public final class JsonTree {
    /** Lenient on comments: a linter should read what editors accept (JSONC, '#' lines). */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_YAML_COMMENTS)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(2000).build())
            .build();

    private JsonTree() {
    }

    /** True when the text starts (after whitespace and a BOM) with '{' or '['. */
    public static boolean looksLikeJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFEFF' || Character.isWhitespace(c)) {
                continue;
            }
            return c == '{' || c == '[';
        }
        return false;
    }

    /** A container being built. */
    private static final class Open {
        final boolean map;
        final int start;
        final List<YEntry> entries = new ArrayList<>();
        final List<YNode> items = new ArrayList<>();
        final Map<String, YScalar> seen = new HashMap<>();
        YScalar pendingKey;

        Open(boolean map, int start) {
            this.map = map;
            this.start = start;
        }
    }

    public static Parsed<YamlFile> parse(SourceFile file) {
        String text = file.text();
        LineIndex lines = file.lines();
        List<ParseIssue> issues = new ArrayList<>();
        Deque<Open> stack = new ArrayDeque<>();
        YNode root = null;
        boolean complete = true;
        String input = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? " " + text.substring(1) : text;
        try (JsonParser p = JSON.createParser(input)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                int start = (int) p.currentTokenLocation().getCharOffset();
                // strings are decoded lazily: read the text first so the location is past the closing quote
                String value = t == JsonToken.VALUE_STRING || t.isNumeric() || t.isBoolean() ? p.getText() : null;
                int end = (int) p.currentLocation().getCharOffset();
                YNode done = null;
                switch (t) {
                    case START_OBJECT:
                        stack.push(new Open(true, start));
                        break;
                    case START_ARRAY:
                        stack.push(new Open(false, start));
                        break;
                    case END_OBJECT:
                    case END_ARRAY: {
                        Open o = stack.pop();
                        done = close(o, end);
                        break;
                    }
                    case FIELD_NAME: {
                        Open o = stack.peek();
                        String name = p.currentName();
                        YScalar key = new YScalar(name, false, "tag:yaml.org,2002:str", new TextRange(start,
                                keyEnd(text, start, end)));
                        YScalar first = o.seen.putIfAbsent(name, key);
                        if (first != null) {
                            issues.add(new ParseIssue(CoreRules.DUPLICATE_KEY.id(), Severity.WARNING, key.range(),
                                    "Duplicate key '" + name + "' (first at line "
                                            + (lines.lineOf(first.range().start()) + 1) + "); the last one wins"));
                        }
                        o.pendingKey = key;
                        break;
                    }
                    case VALUE_STRING:
                        done = new YScalar(value, false, "tag:yaml.org,2002:str", new TextRange(start, end));
                        break;
                    case VALUE_NULL:
                        done = new YScalar("null", true, "tag:yaml.org,2002:null", new TextRange(start, end));
                        break;
                    default:
                        done = new YScalar(value == null ? p.getText() : value, true, null, new TextRange(start, end));
                        break;
                }
                if (done != null) {
                    if (stack.isEmpty()) {
                        if (root == null) {
                            root = done;
                        }
                    } else {
                        add(stack.peek(), done);
                    }
                }
            }
        } catch (JsonProcessingException e) {
            complete = false;
            JsonLocation loc = e.getLocation();
            int at = loc == null || loc.getCharOffset() < 0 ? text.length() : (int) Math.min(loc.getCharOffset(),
                    text.length());
            String msg = e.getOriginalMessage();
            int nl = msg == null ? -1 : msg.indexOf('\n');
            issues.add(ParseIssue.syntax(new TextRange(at, Math.max(at, lines.lineEnd(lines.lineOf(at)))),
                    "JSON: " + (msg == null ? "invalid JSON" : nl > 0 ? msg.substring(0, nl) : msg)));
            // keep what was built: close every open container at the error
            while (!stack.isEmpty()) {
                Open o = stack.pop();
                YNode n = close(o, Math.max(o.start, at));
                if (stack.isEmpty()) {
                    if (root == null) {
                        root = n;
                    }
                } else {
                    add(stack.peek(), n);
                }
            }
        } catch (IOException | RuntimeException e) {
            complete = false;
            issues.add(ParseIssue.syntax(TextRange.empty(0), "JSON could not be parsed: " + e.getClass().getSimpleName()));
        }
        List<YamlDocument> docs = new ArrayList<>();
        if (root != null) {
            docs.add(new YamlDocument(root, root.range(), 0));
        }
        return new Parsed<>(new YamlFile(docs, complete), issues);
    }

    private static YNode close(Open o, int end) {
        TextRange r = new TextRange(o.start, Math.max(o.start, end));
        return o.map ? new YMap(o.entries, true, "tag:yaml.org,2002:map", r)
                : new YSeq(o.items, true, "tag:yaml.org,2002:seq", r);
    }

    private static void add(Open o, YNode n) {
        if (o.map) {
            if (o.pendingKey != null) {
                o.entries.add(new YEntry(o.pendingKey, n));
                o.pendingKey = null;
            }
        } else {
            o.items.add(n);
        }
    }

    /** The end of a field name token: its closing quote (Jackson's location after a name is past the colon). */
    private static int keyEnd(String text, int start, int after) {
        if (start < text.length() && text.charAt(start) == '"') {
            int i = start + 1;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    return i + 1;
                }
                i++;
            }
        }
        return Math.max(start, Math.min(after, text.length()));
    }
}

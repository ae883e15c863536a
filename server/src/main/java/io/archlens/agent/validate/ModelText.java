package io.archlens.agent.validate;

import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Makes a short string the model wrote (a finding's message, a fix title) inert wherever it is shown: in hover
 * markdown, in a terminal, in JSON and SARIF. The result is one line of text with no control characters or
 * terminal escapes, no invisible direction or zero-width characters, no image, no link (a link keeps its text,
 * an image its alt text, an autolink to anything but http(s) disappears), no raw HTML, and nothing that a markdown renderer could still turn into a link, an
 * image or HTML. Backslashes, asterisks and other characters that are not part of such constructs stay as
 * written, so code in a message reads the same in the terminal.
 */
public final class ModelText {
    private static final Parser PARSER = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    /** CSI and OSC terminal sequences (7-bit and 8-bit introducers), removed whole, parameters included. */
    private static final Pattern ESCAPES = Pattern.compile(
            "(?:\\u001B\\[|\\u009B)[0-?]{0,64}[ -/]{0,16}[@-~]?|(?:\\u001B\\]|\\u009D)[^\\u0007\\u001B\\u009C]{0,4096}(?:\\u0007|\\u001B\\\\|\\u009C)?|\\u001B.?");
    /** Zero-width, bidirectional override/isolate and byte-order characters: they make text read differently. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u061C\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]");
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029\\s]+");
    private static final Pattern TAG_START = Pattern.compile("<(?=[A-Za-z/!?])");
    private static final int MAX_REWRITES = 64;

    private ModelText() {
    }

    /** One line of inert text, at most {@code max} characters (longer text ends with "..."). */
    public static String line(String s, int max) {
        if (s == null) {
            return "";
        }
        String t = s.length() > max * 4 ? s.substring(0, max * 4) : s;
        t = LINE_BREAKS.matcher(withoutInvisibles(t)).replaceAll(" ").trim();
        t = defuse(withoutMarkup(t));
        t = LINE_BREAKS.matcher(t).replaceAll(" ").trim();
        return cap(t, max);
    }

    /** Removes terminal escape sequences, control characters other than line breaks and tabs, and invisible characters. */
    public static String withoutControls(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        String t = withoutInvisibles(s);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
                sb.append(c);
            } else if (c == '\r' && (i + 1 >= t.length() || t.charAt(i + 1) != '\n')) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static String withoutInvisibles(String s) {
        return INVISIBLE.matcher(ESCAPES.matcher(s).replaceAll("")).replaceAll("");
    }

    /** Rewrites the first image, link or HTML of the text and parses again, until none is left. */
    private static String withoutMarkup(String line) {
        String t = line;
        for (int round = 0; round < MAX_REWRITES; round++) {
            Node doc = PARSER.parse(t);
            Node hit = firstMarkup(doc);
            if (hit == null) {
                return t;
            }
            String next = rewrite(t, hit);
            if (next == null || next.length() >= t.length()) {
                return t; // no usable source position: defuse() still neutralises it
            }
            t = next;
        }
        return t;
    }

    /** The first image, link, HTML or link definition in document order, or null. */
    private static Node firstMarkup(Node n) {
        if (n instanceof Image || n instanceof Link || n instanceof HtmlInline || n instanceof HtmlBlock
                || n instanceof LinkReferenceDefinition) {
            return n;
        }
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            Node hit = firstMarkup(c);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }

    /** The text with the node's source replaced by its inner text (links, images) or by nothing (HTML, definitions). */
    private static String rewrite(String t, Node n) {
        int[] outer = span(n.getSourceSpans());
        if (outer == null || outer[1] > t.length()) {
            return null;
        }
        String inner = "";
        if ((n instanceof Link || n instanceof Image) && n.getFirstChild() != null) {
            int[] first = span(n.getFirstChild().getSourceSpans());
            int[] last = span(n.getLastChild().getSourceSpans());
            if (first == null || last == null || first[0] < outer[0] || last[1] > outer[1]) {
                return null;
            }
            inner = t.substring(first[0], last[1]);
            String dest = n instanceof Link l ? l.getDestination() : ((Image) n).getDestination();
            if (!MarkdownSanitizer.safeDestination(dest) && inner.strip().equalsIgnoreCase(String.valueOf(dest).strip())) {
                inner = ""; // <command:...>: the text is the unsafe destination itself
            }
        }
        return t.substring(0, outer[0]) + inner + t.substring(outer[1]);
    }

    private static int[] span(List<SourceSpan> spans) {
        if (spans == null || spans.isEmpty()) {
            return null;
        }
        SourceSpan a = spans.get(0);
        SourceSpan b = spans.get(spans.size() - 1);
        return new int[] {a.getInputIndex(), b.getInputIndex() + b.getLength()};
    }

    /**
     * The safety net after the rewrite: {@code ](} with a space in between is no inline link or image, and a
     * {@code <} followed by a space starts no tag or autolink.
     */
    static String defuse(String s) {
        String t = s.replace("](", "] (").replace("][", "] [");
        return TAG_START.matcher(t).replaceAll("< ");
    }

    private static String cap(String t, int max) {
        if (t.length() <= max) {
            return t;
        }
        int end = max - 3;
        if (Character.isLowSurrogate(t.charAt(end)) && end > 0) {
            end--;
        }
        return t.substring(0, end) + "...";
    }
}

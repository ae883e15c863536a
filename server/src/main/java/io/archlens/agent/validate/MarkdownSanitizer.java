package io.archlens.agent.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.markdown.MarkdownRenderer;

/**
 * Makes a model-written explanation safe to show in a hover: images become their alt text (no remote
 * fetches), raw HTML is removed, and links that are not absolute http(s) links (command:, file:, vscode:,
 * javascript:, data:, relative paths) become plain text, and control characters (terminal escapes) and invisible
 * direction or zero-width characters are removed. The result is re-rendered as markdown and capped.
 */
public final class MarkdownSanitizer {
    public static final int MAX_CHARS = 6000;
    private static final Parser PARSER = Parser.builder().build();
    private static final MarkdownRenderer RENDERER = MarkdownRenderer.builder().build();

    private MarkdownSanitizer() {
    }

    public static String sanitize(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        String input = ModelText.withoutControls(markdown.length() > MAX_CHARS * 2 ? markdown.substring(0, MAX_CHARS * 2) : markdown);
        Node doc = PARSER.parse(input);
        List<Node> remove = new ArrayList<>();
        List<Node> unwrap = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                unwrap.add(image);
            }

            @Override
            public void visit(HtmlInline html) {
                remove.add(html);
            }

            @Override
            public void visit(HtmlBlock html) {
                remove.add(html);
            }

            @Override
            public void visit(LinkReferenceDefinition def) {
                remove.add(def);
            }

            @Override
            public void visit(Link link) {
                if (!safeDestination(link.getDestination())) {
                    unwrap.add(link);
                }
                visitChildren(link);
            }
        });
        for (Node n : unwrap) {
            Node child = n.getFirstChild();
            if (child == null && n instanceof Image img && img.getTitle() != null) {
                n.insertBefore(new Text(img.getTitle()));
            }
            while (child != null) {
                Node next = child.getNext();
                n.insertBefore(child);
                child = next;
            }
            n.unlink();
        }
        for (Node n : remove) {
            n.unlink();
        }
        String out = RENDERER.render(doc).strip();
        if (out.length() > MAX_CHARS) {
            out = out.substring(0, MAX_CHARS) + "\n\n(explanation shortened)";
        }
        return out;
    }

    static boolean safeDestination(String dest) {
        if (dest == null) {
            return false;
        }
        String d = dest.trim().toLowerCase(Locale.ROOT);
        return d.startsWith("https://") || d.startsWith("http://");
    }
}

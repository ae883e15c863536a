package io.archlens.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HTML text escaping, and the small part of Markdown the rule pages use, rendered from escaped text. */
final class Html {
    private static final Pattern INLINE = Pattern.compile("`([^`]+)`|\\*\\*([^*]+)\\*\\*|\\[([^\\]]+)\\]\\(([^)\\s]+)\\)");

    private Html() {
    }

    /** Text for an element or an attribute value in double or single quotes; control characters become U+FFFD. */
    static String esc(String s) {
        return io.archlens.core.Markup.escape(s);
    }

    /** A string usable in an id attribute and a fragment: letters, digits and dashes. */
    static String id(String s) {
        return s.replaceAll("[^A-Za-z0-9-]+", "-");
    }

    /**
     * Markdown as the rule pages write it: {@code #} headings, fenced code, {@code -} lists, paragraphs, inline
     * code, bold and links (shown as their text: the pages' links are relative to the repository). Every piece of
     * text is escaped first; nothing of the input becomes markup of its own.
     */
    static String markdown(String md) {
        StringBuilder out = new StringBuilder();
        StringBuilder para = new StringBuilder();
        boolean list = false;
        String[] lines = md.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String t = line.strip();
            boolean item = t.startsWith("- ") || t.startsWith("* ");
            if (t.isEmpty() || t.startsWith("#") || t.startsWith("```") || item) {
                flush(para, out);
            }
            if (list && !item && !t.isEmpty() && !line.startsWith("  ")) {
                out.append("</ul>\n");
                list = false;
            }
            if (t.startsWith("```")) {
                StringBuilder code = new StringBuilder();
                while (++i < lines.length && !lines[i].strip().startsWith("```")) {
                    code.append(lines[i]).append('\n');
                }
                out.append("<pre class=\"code\">").append(esc(code.toString())).append("</pre>\n");
            } else if (t.startsWith("#")) {
                int level = Math.min(6, Math.max(4, (int) t.chars().takeWhile(c -> c == '#').count() + 2));
                out.append("<h").append(level).append('>').append(inline(t.replaceFirst("^#+\\s*", "")))
                        .append("</h").append(level).append(">\n");
            } else if (item) {
                if (!list) {
                    out.append("<ul>\n");
                    list = true;
                }
                out.append("<li>").append(inline(t.substring(2)));
                while (i + 1 < lines.length && lines[i + 1].startsWith("  ") && !lines[i + 1].isBlank()) {
                    out.append(' ').append(inline(lines[++i].strip()));
                }
                out.append("</li>\n");
            } else if (!t.isEmpty()) {
                para.append(para.length() > 0 ? " " : "").append(t);
            }
        }
        flush(para, out);
        if (list) {
            out.append("</ul>\n");
        }
        return out.toString();
    }

    private static void flush(StringBuilder para, StringBuilder out) {
        if (para.length() > 0) {
            out.append("<p>").append(inline(para.toString())).append("</p>\n");
            para.setLength(0);
        }
    }

    /** Inline code, bold and links (as text) in escaped text. */
    static String inline(String s) {
        StringBuilder sb = new StringBuilder();
        Matcher m = INLINE.matcher(s);
        int at = 0;
        while (m.find()) {
            sb.append(esc(s.substring(at, m.start())));
            if (m.group(1) != null) {
                sb.append("<code>").append(esc(m.group(1))).append("</code>");
            } else if (m.group(2) != null) {
                sb.append("<strong>").append(esc(m.group(2))).append("</strong>");
            } else {
                sb.append(esc(m.group(3)));
            }
            at = m.end();
        }
        return sb.append(esc(s.substring(at))).toString();
    }
}

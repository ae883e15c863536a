package io.archlens.core;

/** Escaping for HTML and SVG text, shared by the HTML report and the graph drawing. */
public final class Markup {
    private Markup() {
    }

    /** Text for an element or an attribute value in double or single quotes; control characters but tab and newline
     * become U+FFFD. */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c < 0x20 && c != '\t' && c != '\n' ? '\uFFFD' : c);
            }
        }
        return sb.toString();
    }
}

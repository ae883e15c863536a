package io.archlens.rules.spring;

import io.archlens.analysis.Edit;
import io.archlens.analysis.SourceFile;
import io.archlens.core.LineIndex;
import io.archlens.core.TextRange;
import io.archlens.syntax.spring.RelaxedNames;
import io.archlens.syntax.spring.SpringConfig;
import io.archlens.syntax.spring.SpringDocument;
import io.archlens.syntax.spring.SpringProperty;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import java.util.Arrays;
import java.util.List;

/**
 * Edits for Spring quick fixes, in the file's own syntax: replacing a value, or adding a key to a document
 * (a properties line next to its siblings, or a YAML key nested into the existing mapping path with the
 * file's indentation). Every method returns null when no edit can be made without risking the syntax.
 */
final class SpringFixes {
    private SpringFixes() {
    }

    /** Replaces a property's value with {@code newValue} (a plain token such as {@code validate}). */
    static Edit replaceValue(SpringConfig cfg, SpringProperty p, String newValue) {
        TextRange vr = p.valueRange();
        String v = newValue;
        if (cfg.isYaml()) {
            if (p.flow() && needsQuotesInFlow(v)) {
                v = "\"" + v + "\"";
            }
            if (vr.isEmpty()) {
                v = " " + v;
            }
            return Edit.replace(vr, v);
        }
        if (vr.isEmpty() && vr.start() == p.keyRange().end()) {
            v = "=" + escapeProperties(v);
        } else {
            v = escapeProperties(v);
        }
        return Edit.replace(vr, v);
    }

    private static boolean needsQuotesInFlow(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ',' || c == '{' || c == '}' || c == '[' || c == ']' || c == '#' || c == ':') {
                return true;
            }
        }
        return false;
    }

    private static String escapeProperties(String v) {
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\') {
                sb.append("\\\\");
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Adds {@code key} (dotted, kebab-case: {@code server.shutdown}) with {@code value} to {@code doc}. In
     * .properties the line goes after the last line sharing the longest key prefix (else at the end of the
     * document); in YAML the key is nested into the deepest existing block mapping of its path.
     */
    static Edit addProperty(SourceFile file, SpringConfig cfg, SpringDocument doc, String key, String value) {
        if (doc == null) {
            return null;
        }
        return cfg.isYaml() ? addYaml(file, cfg, doc, key, value) : addProperties(file, cfg, doc, key, value);
    }

    private static Edit addProperties(SourceFile file, SpringConfig cfg, SpringDocument doc, String key,
            String value) {
        String text = file.text();
        LineIndex lines = file.lines();
        String canonical = RelaxedNames.canonical(key);
        List<String> prefixes = RelaxedNames.prefixes(canonical);
        SpringProperty anchor = null;
        for (int i = prefixes.size() - 1; i >= 0 && anchor == null; i--) {
            String pre = prefixes.get(i);
            for (SpringProperty p : doc.properties()) {
                String c = p.canonical();
                if (c.equals(pre) || c.startsWith(pre + ".") || c.startsWith(pre + "[")) {
                    anchor = p;
                }
            }
        }
        String line = key + separator(text, cfg) + value;
        if (anchor != null) {
            int lastLine = lines.lineOf(Math.max(anchor.valueRange().end(), anchor.keyRange().end()));
            return Edit.insert(lines.lineEnd(lastLine), cfg.eol() + line);
        }
        int at = doc.range().end();
        if (at > 0 && !isBreak(text.charAt(at - 1))) {
            return Edit.insert(at, cfg.eol() + line);
        }
        return Edit.insert(at, line + cfg.eol());
    }

    private static boolean isBreak(char c) {
        return c == '\n' || c == '\r';
    }

    /** The key/value separator the file already uses ({@code =}, {@code : }, {@code  = }...). */
    private static String separator(String text, SpringConfig cfg) {
        for (SpringDocument d : cfg.documents()) {
            for (SpringProperty p : d.properties()) {
                if (!p.valueRange().isEmpty() && p.valueRange().start() > p.keyRange().end()) {
                    String sep = text.substring(p.keyRange().end(), p.valueRange().start());
                    if (sep.indexOf('\n') < 0 && sep.indexOf('\r') < 0 && sep.indexOf('\\') < 0) {
                        return sep;
                    }
                }
            }
        }
        return "=";
    }

    private static Edit addYaml(SourceFile file, SpringConfig cfg, SpringDocument doc, String key, String value) {
        YMap root = doc.yamlRoot();
        if (root == null || root.flow() || root.entries().isEmpty()) {
            return null;
        }
        LineIndex lines = file.lines();
        List<String> segments = Arrays.asList(key.split("\\."));
        YMap map = root;
        int used = 0;
        int parentCol = -1;
        walk:
        while (used < segments.size()) {
            for (int i = map.entries().size() - 1; i >= 0; i--) {
                YEntry e = map.entries().get(i);
                String kt = e.keyText();
                if (kt == null) {
                    continue;
                }
                String kc = RelaxedNames.canonical(kt);
                for (int take = segments.size() - used; take >= 1; take--) {
                    String want = RelaxedNames.canonical(String.join(".", segments.subList(used, used + take)));
                    if (kc.equals(want)) {
                        if (used + take == segments.size()) {
                            return null; // already set
                        }
                        if (!(e.value() instanceof YMap child) || child.flow() || child.entries().isEmpty()) {
                            return null; // a scalar or flow mapping is in the way
                        }
                        parentCol = column(lines, map);
                        map = child;
                        used += take;
                        continue walk;
                    }
                }
            }
            break;
        }
        int col = column(lines, map);
        int unit = parentCol >= 0 && col > parentCol ? col - parentCol : indentUnit(lines, root);
        StringBuilder sb = new StringBuilder();
        for (int i = used; i < segments.size(); i++) {
            sb.append(cfg.eol()).append(" ".repeat(col + (i - used) * unit)).append(segments.get(i)).append(':');
            if (i == segments.size() - 1) {
                sb.append(' ').append(value);
            }
        }
        int lastLine = lines.lineOf(map.range().end());
        return Edit.insert(lines.lineEnd(lastLine), sb.toString());
    }

    private static int column(LineIndex lines, YMap map) {
        return lines.position(map.entries().get(0).key().range().start()).character();
    }

    private static int indentUnit(LineIndex lines, YMap root) {
        int rootCol = column(lines, root);
        for (YEntry e : root.entries()) {
            if (e.value() instanceof YMap m && !m.flow() && !m.entries().isEmpty()) {
                int c = column(lines, m);
                if (c > rootCol) {
                    return c - rootCol;
                }
            }
        }
        return 2;
    }
}

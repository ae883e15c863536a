package io.archlens.analysis;

import io.archlens.core.LineIndex;
import io.archlens.core.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the one suppression syntax every kind shares, written in the kind's own comment token:
 * <pre>
 *   # archlens-ignore docker/no-latest-tag, docker/no-user -- reason   (the next code line, or this line when trailing)
 *   # archlens-ignore-file docker/no-healthcheck -- reason              (the whole file)
 * </pre>
 */
public final class Suppressions {
    private static final String MARK = "archlens-ignore";
    private static final Pattern DIRECTIVE = Pattern.compile(
            "archlens-ignore(-file)?(?=\\s|$)[ \\t]*([^\\r\\n]*?)[ \\t]*(?:-->)?[ \\t]*$");
    private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9*_-]+(?:/[A-Za-z0-9*_-]+)?");

    private Suppressions() {
    }

    public static List<Suppression> scan(SourceFile file) {
        String text = file.text();
        if (text.indexOf(MARK) < 0) {
            return List.of();
        }
        LineIndex lines = file.lines();
        List<String> prefixes = file.kind().commentPrefixes();
        List<Suppression> out = new ArrayList<>();
        int from = 0;
        while (true) {
            int at = text.indexOf(MARK, from);
            if (at < 0) {
                break;
            }
            from = at + MARK.length();
            int line = lines.lineOf(at);
            int lineStart = lines.lineStart(line);
            String before = text.substring(lineStart, at);
            int commentAt = commentStart(before, prefixes);
            if (commentAt < 0) {
                continue;
            }
            String lineEndText = text.substring(at, lines.lineEnd(line));
            Matcher m = DIRECTIVE.matcher(lineEndText);
            if (!m.lookingAt()) {
                continue;
            }
            boolean fileWide = m.group(1) != null;
            String body = m.group(2);
            int bodyOffset = at + m.start(2);
            String reason = null;
            int sep = body.indexOf("--");
            String idsPart = sep >= 0 ? body.substring(0, sep) : body;
            if (sep >= 0) {
                reason = body.substring(sep + 2).trim();
            }
            int target;
            if (fileWide) {
                target = -1;
            } else if (before.substring(0, commentAt).isBlank()) {
                target = nextCodeLine(lines, line + 1, prefixes);
            } else {
                target = line;
            }
            Matcher idm = RULE_ID.matcher(idsPart);
            while (idm.find()) {
                TextRange r = new TextRange(bodyOffset + idm.start(), bodyOffset + idm.end());
                out.add(new Suppression(idm.group(), target, r, reason));
            }
            from = lines.lineEnd(line);
        }
        return out;
    }

    private static int commentStart(String before, List<String> prefixes) {
        int best = -1;
        for (String p : prefixes) {
            int i = before.lastIndexOf(p);
            if (i >= 0 && before.substring(i + p.length()).isBlank() && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }

    private static int nextCodeLine(LineIndex lines, int from, List<String> prefixes) {
        for (int l = from; l < lines.lineCount(); l++) {
            String t = lines.lineText(l).strip();
            if (t.isEmpty()) {
                continue;
            }
            boolean comment = false;
            for (String p : prefixes) {
                if (t.startsWith(p)) {
                    comment = true;
                    break;
                }
            }
            if (!comment) {
                return l;
            }
        }
        return lines.lineCount();
    }

    /** True when {@code s} covers the rule: exact id, {@code kind/*}, or {@code *}. */
    public static boolean covers(Suppression s, String ruleId) {
        String id = s.ruleId();
        if (id.equals(ruleId) || id.equals("*")) {
            return true;
        }
        return id.endsWith("/*") && ruleId.startsWith(id.substring(0, id.length() - 1));
    }
}

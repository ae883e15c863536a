package io.archlens.analysis;

import io.archlens.core.LineIndex;
import java.util.regex.Pattern;

/** The edits behind "Ignore RULE on this line" and "Ignore RULE in this file", in the kind's comment syntax. */
public final class SuppressionEdits {
    /** Lines that must stay first: Dockerfile parser directives, shebangs, YAML directives, XML/markdown front matter. */
    private static final Pattern HEADER = Pattern.compile(
            "^(#\\s*(syntax|escape|check)\\s*=.*|#!.*|%YAML.*|%TAG.*)$");
    public static final String REASON_PLACEHOLDER = "reason";

    private SuppressionEdits() {
    }

    /** False for formats without comments (JSON). */
    public static boolean supported(SourceFile file) {
        return !file.kind().commentPrefixes().isEmpty() && !file.path().toLowerCase().endsWith(".json");
    }

    public static Edit ignoreOnLine(SourceFile file, Finding f) {
        LineIndex li = file.lines();
        int line = li.lineOf(f.range().start());
        String text = li.lineText(line);
        int i = 0;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        String indent = text.substring(0, i);
        return Edit.insert(li.lineStart(line), indent + comment(file, "archlens-ignore " + f.ruleId() + " -- "
                + REASON_PLACEHOLDER) + newline(file));
    }

    public static Edit ignoreInFile(SourceFile file, String ruleId) {
        LineIndex li = file.lines();
        int line = 0;
        while (line < li.lineCount() - 1 && HEADER.matcher(li.lineText(line)).matches()) {
            line++;
        }
        if (file.kind() == io.archlens.filekind.FileKind.AGENT_DEFINITION && li.lineText(0).equals("---")) {
            // after the front matter
            for (int l = 1; l < li.lineCount(); l++) {
                if (li.lineText(l).equals("---")) {
                    line = l + 1;
                    break;
                }
            }
        }
        return Edit.insert(li.lineStart(line), comment(file, "archlens-ignore-file " + ruleId + " -- "
                + REASON_PLACEHOLDER) + newline(file));
    }

    private static String comment(SourceFile file, String body) {
        String token = file.kind().commentPrefix();
        return token.equals("<!--") ? "<!-- " + body + " -->" : token + " " + body;
    }

    /** The file's own line ending (CRLF files stay CRLF). */
    public static String newline(SourceFile file) {
        return LineIndex.lineEnding(file.text());
    }
}

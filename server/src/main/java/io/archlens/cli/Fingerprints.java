package io.archlens.cli;

import io.archlens.analysis.Finding;
import io.archlens.core.LineIndex;
import io.archlens.workspace.BatchAnalyzer.FileResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A finding's identity that survives edits elsewhere in its file: rule id, file, message and the text of the
 * lines it covers, never line numbers. The baseline matches on it and SARIF carries it as a partial fingerprint.
 * Findings with the same fingerprint in one file get an occurrence number ({@code :2}, {@code :3}, ...).
 */
final class Fingerprints {
    /** Line and column numbers inside a message ({@code compose.yml:14}, {@code line 14}) move with edits. */
    private static final Pattern NUMBERS = Pattern.compile("(?<=:)\\d+(:\\d+)?|\\bline \\d+");

    private Fingerprints() {
    }

    /** What {@link #each} calls for each finding of an analysed file. */
    interface Visitor {
        void visit(FileResult fr, LineIndex lines, Finding f, String fingerprint);
    }

    /** Every finding of the analysed files, in order, with its file's line index and its fingerprint. */
    static void each(java.util.List<FileResult> results, Visitor v) {
        for (FileResult fr : results) {
            if (fr.analysis() == null) {
                continue;
            }
            LineIndex li = fr.analysis().file().lines();
            Map<Finding, String> prints = of(fr);
            for (Finding f : fr.findings()) {
                v.visit(fr, li, f, prints.get(f));
            }
        }
    }

    /** The fingerprint of every finding of one file, in the file's order. */
    static Map<Finding, String> of(FileResult fr) {
        Map<Finding, String> out = new IdentityHashMap<>();
        if (fr.analysis() == null) {
            return out;
        }
        Map<String, Integer> seen = new HashMap<>();
        LineIndex li = fr.analysis().file().lines();
        for (Finding f : fr.findings()) {
            String base = hash(f.ruleId() + "\0" + fr.displayPath() + "\0"
                    + NUMBERS.matcher(f.message()).replaceAll("#") + "\0" + context(li, f));
            int n = seen.merge(base, 1, Integer::sum);
            out.put(f, n == 1 ? base : base + ":" + n);
        }
        return out;
    }

    /** The lines a finding covers, each stripped of surrounding white space (indentation changes are edits too). */
    static String context(LineIndex li, Finding f) {
        int first = li.lineOf(f.range().start());
        int last = Math.max(first, li.lineOf(Math.max(f.range().start(), f.range().end() - 1)));
        StringBuilder sb = new StringBuilder();
        for (int line = first; line <= Math.min(last, first + 20); line++) {
            sb.append(li.lineText(line).strip()).append('\n');
        }
        return sb.toString();
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                hex.append(String.format("%02x", d[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

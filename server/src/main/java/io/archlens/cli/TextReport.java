package io.archlens.cli;

import io.archlens.analysis.Finding;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Severity;
import io.archlens.core.LineIndex;
import io.archlens.core.Position;
import io.archlens.workspace.BatchAnalyzer.FileResult;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The text report. Each finding starts with {@code path:line:col: severity rule message}, the line editors' problem
 * matchers and CI logs parse; the full form (the default) adds the source line with a caret under the range and
 * the fix's title, the concise form stops there.
 */
final class TextReport {
    /** Source lines longer than this are shown as a window around the finding. */
    private static final int MAX_LINE = 160;
    /** Rules whose range is a secret's value. */
    private static final java.util.regex.Pattern SECRET =
            java.util.regex.Pattern.compile("secret|password|credential|token|private-key|api-key");

    private TextReport() {
    }

    static void write(List<FileResult> results, PrintWriter out) {
        write(results, out, true, Ansi.OFF, true);
    }

    /** {@code list}: false prints only the summary line (after --statistics). */
    static void write(List<FileResult> results, PrintWriter out, boolean concise, Ansi ansi, boolean list) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        int files = 0;
        int skipped = 0;
        long notShown = 0;
        for (FileResult r : results) {
            if (r.analysis() == null) {
                skipped++;
                continue;
            }
            files++;
            LineIndex li = r.analysis().file().lines();
            for (Finding f : r.findings()) {
                counts.merge(f.severity(), 1, Integer::sum);
                notShown += io.archlens.analysis.RuleBook.notShown(f);
                if (!list) {
                    continue;
                }
                Position p = li.position(f.range().start());
                out.println(ansi.bold(r.displayPath() + ":" + (p.line() + 1) + ":" + p.displayColumn() + ":") + " "
                        + ansi.severity(f.severity(), f.severity().label()) + " " + ansi.rule(f.ruleId()) + " "
                        + f.message());
                if (!concise) {
                    excerpt(li, f, ansi, out);
                }
            }
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        out.println(summary(total, counts, files, skipped) + kinds(Coverage.byKind(results))
                + (notShown > 0 ? String.format("; %,d more not shown (max-findings-per-file)", notShown) : ""));
    }

    /** The finding's first line with a caret under its range (to the line's end when it goes on), and its fix. */
    static void excerpt(LineIndex li, Finding f, Ansi ansi, PrintWriter out) {
        int line = li.lineOf(f.range().start());
        String text = li.lineText(line);
        int from = f.range().start() - li.lineStart(line);
        int to = Math.min(text.length(), Math.max(from + 1, f.range().end() - li.lineStart(line)));
        if (SECRET.matcher(f.ruleId()).find() && from < to) {
            // CI logs are read by more people than the repository's secrets should be: the value is masked
            text = text.substring(0, from) + "*".repeat(to - from) + text.substring(to);
        }
        int shift = 0;
        String prefix = "";
        if (text.length() > MAX_LINE) {
            shift = Math.max(0, Math.min(from - 20, text.length() - MAX_LINE));
            prefix = shift > 0 ? "…" : "";
            text = prefix + text.substring(shift, Math.min(text.length(), shift + MAX_LINE))
                    + (shift + MAX_LINE < text.length() ? "…" : "");
            from = from - shift + prefix.length();
            to = Math.min(text.length(), to - shift + prefix.length());
        }
        String number = String.valueOf(line + 1);
        String gutter = " ".repeat(number.length());
        out.println(ansi.dim(gutter + " |"));
        out.println(ansi.dim(number + " |") + " " + text);
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < Math.min(from, text.length()); i++) {
            caret.append(text.charAt(i) == '\t' ? '\t' : ' ');
        }
        String marks = "^".repeat(Math.max(1, to - from));
        out.println(ansi.dim(gutter + " |") + " " + caret + ansi.severity(f.severity(), marks));
        if (!f.fixes().isEmpty()) {
            Fix fix = f.fixes().get(0);
            out.println(ansi.dim(gutter + " =") + " " + ansi.bold("help:") + " " + fix.title()
                    + (fix.safe() ? "" : " (unsafe fix: --fix --unsafe-fixes)"));
        }
        out.println();
    }

    /** " (2 kubernetes, 1 compose)": the analysed files per kind, or nothing when none was analysed. */
    static String kinds(Map<String, Integer> byKind) {
        if (byKind.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" (");
        byKind.forEach((k, n) -> sb.append(sb.length() > 2 ? ", " : "").append(n).append(' ').append(k));
        return sb.append(')').toString();
    }

    static String summary(int total, Map<Severity, Integer> counts, int files, int skipped) {
        StringBuilder sb = new StringBuilder();
        sb.append(total == 0 ? "No problems" : CheckCommand.plural(total, "problem"));
        sb.append(" (").append(counts.getOrDefault(Severity.ERROR, 0)).append(" errors, ")
                .append(counts.getOrDefault(Severity.WARNING, 0)).append(" warnings, ")
                .append(counts.getOrDefault(Severity.INFO, 0)).append(" info, ")
                .append(counts.getOrDefault(Severity.HINT, 0)).append(" hints) in ")
                .append(CheckCommand.plural(files, "file"));
        if (skipped > 0) {
            sb.append(", ").append(skipped).append(" skipped");
        }
        return sb.toString();
    }
}

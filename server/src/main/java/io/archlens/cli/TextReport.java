package io.archlens.cli;

import io.archlens.analysis.Finding;
import io.archlens.analysis.Severity;
import io.archlens.core.Position;
import io.archlens.workspace.BatchAnalyzer.FileResult;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** {@code path:line:col: severity rule message}, the format editors' problem matchers and CI logs parse. */
final class TextReport {
    private TextReport() {
    }

    static void write(List<FileResult> results, PrintWriter out) {
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
            for (Finding f : r.findings()) {
                Position p = r.analysis().file().lines().position(f.range().start());
                out.println(r.displayPath() + ":" + (p.line() + 1) + ":" + p.displayColumn() + ": "
                        + f.severity().label() + " " + f.ruleId() + " " + f.message());
                counts.merge(f.severity(), 1, Integer::sum);
                notShown += io.archlens.analysis.RuleBook.notShown(f);
            }
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        out.println(summary(total, counts, files, skipped) + kinds(Coverage.byKind(results))
                + (notShown > 0 ? String.format("; %,d more not shown (max-findings-per-file)", notShown) : ""));
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

package io.archlens.cli;

import io.archlens.analysis.Finding;
import io.archlens.analysis.RuleBook;
import io.archlens.workspace.BatchAnalyzer.FileResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code --statistics}: findings counted by rule, most frequent first, with how many a fix can repair. */
final class Statistics {
    private Statistics() {
    }

    static void write(List<FileResult> results, RuleBook book, Ansi ansi, PrintWriter out) {
        Map<String, int[]> byRule = new TreeMap<>();
        for (FileResult r : results) {
            for (Finding f : r.findings()) {
                int[] c = byRule.computeIfAbsent(f.ruleId(), k -> new int[3]);
                c[0]++;
                if (f.fixes().stream().anyMatch(x -> x.safe())) {
                    c[1]++;
                } else if (!f.fixes().isEmpty()) {
                    c[2]++;
                }
            }
        }
        int width = byRule.keySet().stream().mapToInt(String::length).max().orElse(0);
        byRule.entrySet().stream().sorted((a, b) -> b.getValue()[0] - a.getValue()[0]).forEach(e -> {
            int[] c = e.getValue();
            String title = book.rule(e.getKey()).map(m -> m.title()).orElse("");
            String fixable = (c[1] > 0 ? "  [" + c[1] + " fixable]" : "")
                    + (c[2] > 0 ? "  [" + c[2] + " unsafe-fixable]" : "");
            out.println(String.format("%6d  ", c[0]) + ansi.rule(e.getKey())
                    + " ".repeat(width - e.getKey().length() + 2) + title + fixable);
        });
    }
}

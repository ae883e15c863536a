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
    /** Continuation lines of a wrapped message start with this. */
    static final String HANG = "    ";

    private TextReport() {
    }

    static void write(List<FileResult> results, PrintWriter out) {
        write(results, out, true, Ansi.OFF, true, 0);
    }

    /**
     * {@code list}: false prints only the summary line (after --statistics). {@code width}: the full form wraps a
     * long first line at this many columns, continuation lines indented by {@link #HANG}; 0 never wraps.
     */
    static void write(List<FileResult> results, PrintWriter out, boolean concise, Ansi ansi, boolean list,
            int width) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        int files = 0;
        int skipped = 0;
        long notShown = 0;
        List<SourceExcerpt[]> excerpts = list && !concise ? excerpts(results) : null;
        for (int ri = 0; ri < results.size(); ri++) {
            FileResult r = results.get(ri);
            if (r.analysis() == null) {
                skipped++;
                continue;
            }
            files++;
            LineIndex li = r.analysis().file().lines();
            for (int fi = 0; fi < r.findings().size(); fi++) {
                Finding f = r.findings().get(fi);
                counts.merge(f.severity(), 1, Integer::sum);
                notShown += io.archlens.analysis.RuleBook.notShown(f);
                if (!list) {
                    continue;
                }
                Position p = li.position(f.range().start());
                String where = r.displayPath() + ":" + (p.line() + 1) + ":" + p.displayColumn() + ":";
                String head = ansi.bold(where) + " " + ansi.severity(f.severity(), f.severity().label()) + " "
                        + ansi.rule(f.ruleId()) + " ";
                int used = where.length() + f.severity().label().length() + f.ruleId().length() + 3;
                List<String> lines = concise || width <= 0 ? List.of(f.message())
                        : wrap(f.message(), width - used, width - HANG.length());
                out.println((head + lines.get(0)).stripTrailing());
                for (String more : lines.subList(1, lines.size())) {
                    out.println(HANG + more);
                }
                if (!concise) {
                    excerpt(excerpts.get(ri)[fi], f, ansi, out);
                }
            }
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        out.println(summary(total, counts, files, skipped) + kinds(Coverage.byKind(results))
                + (notShown > 0 ? String.format("; %,d more not shown (max-findings-per-file)", notShown) : ""));
    }

    /**
     * Each finding's source line, by result and finding, worked out on the cores side by side (the secret detector
     * masks each line; hundreds of findings) before the report is printed in order.
     */
    private static List<SourceExcerpt[]> excerpts(List<FileResult> results) {
        return java.util.stream.IntStream.range(0, results.size()).parallel().mapToObj(i -> {
            FileResult r = results.get(i);
            if (r.analysis() == null) {
                return new SourceExcerpt[0];
            }
            LineIndex li = r.analysis().file().lines();
            return r.findings().stream().map(f -> SourceExcerpt.of(li, f)).toArray(SourceExcerpt[]::new);
        }).toList();
    }

    /** The finding's first line with a caret under its range (to the line's end when it goes on), and its fix. */
    private static void excerpt(SourceExcerpt x, Finding f, Ansi ansi, PrintWriter out) {
        String text = x.text();
        int line = x.line();
        String number = String.valueOf(line + 1);
        String gutter = " ".repeat(number.length());
        out.println(ansi.dim(gutter + " |"));
        out.println(ansi.dim(number + " |") + " " + text);
        out.println(ansi.dim(gutter + " |") + " " + x.pad() + ansi.severity(f.severity(), x.carets()));
        if (!f.fixes().isEmpty()) {
            Fix fix = f.fixes().get(0);
            out.println(ansi.dim(gutter + " =") + " " + ansi.bold("help:") + " " + fix.title()
                    + (fix.safe() ? "" : " (unsafe fix: --fix --unsafe-fixes)"));
        }
        out.println();
    }

    /**
     * Splits {@code text} at spaces into lines of at most {@code first} characters for the first line and
     * {@code rest} for the others; a word longer than a line gets a line of its own (never cut). When the first
     * line has room for less than a fifth of the text width (a long path), the text starts on the next line.
     */
    static List<String> wrap(String text, int first, int rest) {
        List<String> lines = new java.util.ArrayList<>();
        if (text.length() <= first) {
            return List.of(text);
        }
        int limit = first;
        if (first < Math.max(20, rest / 5)) {
            lines.add("");
            limit = rest;
        }
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > limit) {
                lines.add(line.toString());
                line.setLength(0);
                limit = rest;
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /** The width to wrap at: {@code COLUMNS} when it is a sensible number, else 100. */
    static int columns(String env) {
        try {
            int n = env == null ? 0 : Integer.parseInt(env.trim());
            return n >= 40 ? n : 100;
        } catch (NumberFormatException e) {
            return 100;
        }
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

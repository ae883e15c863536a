package io.archlens.cli;

import io.archlens.analysis.Finding;
import io.archlens.analysis.Fixes;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.SourceFile;
import io.archlens.config.Settings;
import io.archlens.workspace.BatchAnalyzer.FileResult;
import io.archlens.workspace.FileLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * {@code check --fix}: the editor's fix-all (safe fixes, re-analyse, repeat) on files on disk; {@code --diff} prints
 * the changes as a unified diff instead. A file whose content changed since it was analysed is left alone.
 */
final class FixRun {
    /** Files changed (or, with --diff, that would change) and files left alone because they changed meanwhile. */
    record Outcome(int changed, int skipped) {
    }

    private FixRun() {
    }

    static Outcome run(List<FileResult> results, RuleBook book, Settings settings, boolean unsafe, boolean diff,
            PrintWriter out, PrintWriter err) {
        return run(results, book, settings, unsafe, diff, f -> true, false, out, err);
    }

    /**
     * {@code keep} limits the findings of later rounds (after the first edits, the text is re-analysed) to those the
     * run selects; {@code oneRound} stops after the first round, for findings narrowed by what a later round cannot
     * tell again (a baseline, changed lines).
     */
    static Outcome run(List<FileResult> results, RuleBook book, Settings settings, boolean unsafe, boolean diff,
            java.util.function.Predicate<Finding> keep, boolean oneRound, PrintWriter out, PrintWriter err) {
        int changed = 0;
        int skipped = 0;
        for (FileResult fr : results) {
            if (fr.analysis() == null || fr.findings().stream().noneMatch(f -> fixable(f, unsafe))) {
                continue;
            }
            SourceFile file = fr.analysis().file();
            String fixed = Fixes.fixAll(file.text(), fr.findings(), t -> book.analyze(new SourceFile(file.uri(),
                    file.path(), t, file.kind(), file.version()), settings).findings().stream().filter(keep).toList(),
                    oneRound ? -1 : Long.MAX_VALUE, unsafe);
            if (fixed.equals(file.text())) {
                continue;
            }
            if (diff) {
                out.print(UnifiedDiff.of(fr.displayPath(), file.text(), fixed));
                changed++;
                continue;
            }
            try {
                byte[] now = Files.readAllBytes(fr.path());
                FileLoader.Loaded again = FileLoader.decode(now);
                if (again.skipped() || again.note() != null || !file.text().equals(again.text())) {
                    err.println("archlens: " + fr.displayPath() + " changed during the run (or is not plain UTF-8);"
                            + " not fixed");
                    skipped++;
                    continue;
                }
                boolean bom = now.length >= 3 && (now[0] & 0xff) == 0xef && (now[1] & 0xff) == 0xbb
                        && (now[2] & 0xff) == 0xbf;
                Files.writeString(fr.path(), (bom ? "\ufeff" : "") + fixed, StandardCharsets.UTF_8);
                changed++;
            } catch (IOException e) {
                err.println("archlens: cannot fix " + fr.displayPath() + ": " + e.getMessage());
                skipped++;
            }
        }
        err.flush();
        return new Outcome(changed, skipped);
    }

    static boolean fixable(Finding f, boolean unsafe) {
        return f.fixes().stream().anyMatch(x -> x.safe() || unsafe);
    }
}

package io.archlens.cli;

import io.archlens.analysis.Analysis;
import io.archlens.analysis.Finding;
import io.archlens.workspace.BatchAnalyzer.FileResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/** Keeping some of the findings of a run (baseline, changed lines, --select/--ignore, --no-hints). */
final class Findings {
    private Findings() {
    }

    static List<FileResult> keep(List<FileResult> results, BiPredicate<FileResult, Finding> keep) {
        List<FileResult> out = new ArrayList<>(results.size());
        for (FileResult r : results) {
            if (r.analysis() == null) {
                out.add(r);
                continue;
            }
            List<Finding> kept = r.findings().stream().filter(f -> keep.test(r, f)).toList();
            out.add(kept.size() == r.findings().size() ? r : new FileResult(r.path(), r.displayPath(),
                    new Analysis(r.analysis().file(), kept, r.analysis().model()), r.skip()));
        }
        return out;
    }
}

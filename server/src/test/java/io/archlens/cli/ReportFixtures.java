package io.archlens.cli;

import io.archlens.analysis.Analysis;
import io.archlens.analysis.Finding;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.TestPack;
import io.archlens.config.Settings;
import io.archlens.workspace.BatchAnalyzer;
import io.archlens.workspace.BatchAnalyzer.FileResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Analysis results for report tests: the test pack over a folder, and findings with another message. */
final class ReportFixtures {
    private ReportFixtures() {
    }

    static RuleBook testBook() {
        return new RuleBook(List.of(new TestPack()));
    }

    static List<FileResult> analyse(Path dir, RuleBook book) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        return new BatchAnalyzer(book, Settings.DEFAULTS, dir, (m, e) -> { }).analyze(files);
    }

    /** Every finding with {@code message} instead of its own. */
    static List<FileResult> withMessage(List<FileResult> results, String message) {
        List<FileResult> out = new ArrayList<>();
        for (FileResult r : results) {
            if (r.analysis() == null) {
                out.add(r);
                continue;
            }
            List<Finding> fs = r.findings().stream().map(f -> new Finding(f.ruleId(), f.severity(), f.category(),
                    f.range(), message, f.explanation(), f.fixes(), f.related(), f.tags(), f.source(),
                    f.confidence())).toList();
            out.add(new FileResult(r.path(), r.displayPath(), new Analysis(r.analysis().file(), fs,
                    r.analysis().model()), r.skip()));
        }
        return out;
    }
}

package io.archlens.cli;

import io.archlens.analysis.Analysis;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.SourceFile;
import io.archlens.config.Settings;
import io.archlens.filekind.FileKind;
import io.archlens.filekind.FileKindDetector;
import io.archlens.workspace.BatchAnalyzer;
import io.archlens.workspace.BatchAnalyzer.FileResult;
import io.archlens.workspace.FileLoader;
import io.archlens.workspace.Skip;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/** {@code check - --stdin-filename PATH}: one document read from stdin, analysed as if it were PATH. */
final class StdinInput {
    private StdinInput() {
    }

    static List<FileResult> analyze(InputStream in, String name, RuleBook book, Settings settings,
            BatchAnalyzer analyzer) throws IOException {
        FileLoader.Loaded loaded = FileLoader.decode(in.readAllBytes());
        Path path = Path.of(name);
        if (loaded.skipped()) {
            return List.of(new FileResult(path, name, null, new Skip(loaded.skipCode(), loaded.skipReason())));
        }
        FileKind kind = FileKindDetector.detect(name, loaded.text());
        if (!book.supports(kind)) {
            return List.of(new FileResult(path, name, null, Skip.notAnalysed(kind, name)));
        }
        SourceFile src = new SourceFile(path.toAbsolutePath().toUri().toString(), name, loaded.text(), kind, 0);
        Analysis a = book.analyze(src, settings);
        List<FileResult> one = List.of(new FileResult(path, name, a, null));
        return book.projectRules().isEmpty() ? one : analyzer.withCrossFile(one);
    }
}

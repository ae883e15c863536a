package io.archlens.cli;

import io.archlens.filekind.FileKind;
import io.archlens.workspace.BatchAnalyzer.FileResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@code check} reviewed, said on stderr: one line per skipped file (with its reason code), a warning when
 * the paths yield no analysed file, and with {@code --verbose} the analysed files and their kinds.
 */
final class Coverage {
    private Coverage() {
    }

    static void report(List<FileResult> results, List<Path> paths, boolean verbose, PrintWriter err) {
        for (FileResult r : results) {
            if (r.skip() != null) {
                err.println(r.displayPath() + ": skipped: " + r.skip().detail() + " [" + r.skip().code() + "]");
            }
        }
        if (verbose) {
            for (FileResult r : results) {
                if (r.kind() != null) {
                    err.println("archlens: analysed " + r.displayPath() + " (" + r.kind().id() + ")");
                }
            }
        }
        if (results.stream().noneMatch(r -> r.kind() != null)) {
            List<String> names = new ArrayList<>();
            paths.forEach(p -> names.add(p.toString()));
            err.println("archlens: warning: no file analysed in " + String.join(" ", names)
                    + " (nothing ArchLens reviews was found there; see \"What it checks\" in the README)");
        }
        err.flush();
    }

    /** Analysed files per kind id, most files first (ties by name). */
    static Map<String, Integer> byKind(List<FileResult> results) {
        Map<String, Integer> counts = new TreeMap<>();
        for (FileResult r : results) {
            FileKind k = r.kind();
            if (k != null) {
                counts.merge(k.id(), 1, Integer::sum);
            }
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).forEach(e -> out.put(e.getKey(),
                e.getValue()));
        return out;
    }
}

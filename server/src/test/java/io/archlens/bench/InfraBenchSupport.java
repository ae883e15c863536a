package io.archlens.bench;

import io.archlens.analysis.Analysis;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.SourceFile;
import io.archlens.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/** Timing loop shared by the Terraform, GitHub Actions and OpenAPI benchmarks. */
final class InfraBenchSupport {
    /** Raised so the large generated inputs are analysed rather than skipped. */
    static final Settings SETTINGS = Settings.fromMap(Map.of("max-file-bytes", 64L * 1024 * 1024, "max-findings-per-file", 10_000_000));

    private InfraBenchSupport() {
    }

    /** A fixture file, read relative to {@code server/} (where the benchmarks are run) or the repository root. */
    static String fixture(String rel) throws IOException {
        Path p = Path.of("src/test/resources/fixtures").resolve(rel);
        if (!Files.exists(p)) {
            p = Path.of("server/src/test/resources/fixtures").resolve(rel);
        }
        return Files.readString(p);
    }

    /** {@link #SETTINGS} with profile strict: every rule of the kind. */
    static final Settings STRICT = Settings.merge(SETTINGS, Settings.fromMap(Map.of("profile", "strict")));

    /** Warms up, then prints median/p95/min of {@code runs} analyses of {@code file}. */
    static void time(String label, SourceFile file, int warmup, int runs) {
        time(label, file, warmup, runs, SETTINGS);
    }

    /** The same with other settings (a profile). */
    static void time(String label, SourceFile file, int warmup, int runs, Settings settings) {
        RuleBook book = RuleBook.loadDefault();
        Analysis last = null;
        for (int i = 0; i < warmup; i++) {
            last = book.analyze(file, settings);
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            last = book.analyze(file, settings);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%-44s %9d chars %5d findings  median %9.3f ms  p95 %9.3f ms  min %9.3f ms  (%d runs)%n",
                label, file.text().length(), last == null ? 0 : last.findings().size(), ms[runs / 2],
                ms[Math.min(runs - 1, (int) Math.ceil(runs * 0.95) - 1)], ms[0], runs);
    }

    static int arg(String[] args, int i, int def) {
        return args.length > i ? Integer.parseInt(args[i]) : def;
    }
}

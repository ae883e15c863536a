package io.archlens.bench;

import io.archlens.analysis.RuleBook;
import io.archlens.analysis.SourceFile;
import io.archlens.config.Settings;
import java.util.Arrays;
import java.util.Locale;

/** Timing loop shared by the nginx and .env benchmarks (not a JUnit test; run from a main method). */
final class BenchSupport {
    private BenchSupport() {
    }

    /** Warms up, then prints median and p95 of {@code runs} analyses of {@code file}. */
    static void measure(String label, SourceFile file, int warmup, int runs) {
        RuleBook book = RuleBook.loadDefault();
        Settings settings = Settings.DEFAULTS;
        int findings = 0;
        for (int i = 0; i < warmup; i++) {
            findings = book.analyze(file, settings).findings().size();
        }
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            book.analyze(file, settings);
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        double median = times[runs / 2] / 1e6;
        double p95 = times[Math.min(runs - 1, (int) Math.ceil(runs * 0.95) - 1)] / 1e6;
        System.out.println(String.format(Locale.ROOT, "%-34s %8d chars %7d lines %6d findings  median %8.2f ms"
                + "  p95 %8.2f ms  (%d runs)", label, file.text().length(), file.lines().lineCount(), findings, median,
                p95, runs));
    }
}

package io.archlens.robustness;

import io.archlens.filekind.FileKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** What a run saw: counts, failures with their reproduction, publish latencies, exceptions by type, memory. */
public final class Tally {
    /** The kinds of failure the drivers report. */
    public enum Kind {
        CRASH, HANG, ERROR_RESPONSE, EXCEPTION, SLOW_PUBLISH, DROPPED_CHANGE, TEXT_MISMATCH, WRONG_VERSION,
        RANGE_OUTSIDE_DOCUMENT, UNCAPPED_OUTPUT, MISSING_NOT_ANALYZED_HINT, WRONGLY_NOT_ANALYZED, STALE_AFTER_CLOSE, MEMORY,
        CLI_EXIT_CODE, CLI_EXCEPTION, CLI_FILE_UNACCOUNTED
    }

    /** One failure: what, on which input, and the detail a developer needs. */
    public record Failure(Kind kind, Mutation mutation, FileKind fileKind, String input, String detail) {
        /** The (failure kind, mutation, file kind) a failure is grouped under. */
        String group() {
            return kind + " / " + (mutation == null ? "-" : mutation) + " / " + (fileKind == null ? "-" : fileKind.id());
        }

        @Override
        public String toString() {
            return kind + " on " + input + ": " + detail;
        }
    }

    public int inputs;
    public int changes;
    public int requests;
    public int cliFiles;
    /** Publishes later than 2 s for files up to 5 MB, whether or not the load on the machine excused them. */
    public int overBudget;
    public final List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
    public final Map<String, AtomicInteger> exceptions = new ConcurrentHashMap<>();
    public final List<Double> latenciesMs = Collections.synchronizedList(new ArrayList<>());
    /** The slowest answer to each request method, in ms. */
    public final Map<String, Double> slowestRequestMs = new ConcurrentHashMap<>();
    public long heapStart;
    public long heapEnd;
    public long rssStart;
    public long rssEnd;
    public long rssPeak;
    public long elapsedMs;

    void fail(Kind kind, Hostile h, String detail) {
        failures.add(new Failure(kind, h == null ? null : h.mutation(), h == null ? null : h.kind(),
                h == null ? "-" : h.reproduction(), detail));
    }

    void requestTime(String method, double ms) {
        slowestRequestMs.merge(method, ms, Math::max);
    }

    void exception(String type) {
        exceptions.computeIfAbsent(type, t -> new AtomicInteger()).incrementAndGet();
    }

    public long count(Kind k) {
        return failures.stream().filter(f -> f.kind() == k).count();
    }

    public double percentile(double p) {
        List<Double> s;
        synchronized (latenciesMs) {
            s = new ArrayList<>(latenciesMs);
        }
        if (s.isEmpty()) {
            return 0;
        }
        Collections.sort(s);
        return s.get(Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1));
    }

    /** The figures docs/reliability.md reports, one per line. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("inputs (LSP): %d, changes: %d, requests: %d; files through check: %d; %.1f s%n",
                inputs, changes, requests, cliFiles, elapsedMs / 1000.0));
        if (inputs > 0) {
            sb.append(String.format("crashes: %d, hangs: %d, error responses: %d, dropped changes: %d, publishes over "
                    + "2 s: %d (over the load-scaled budget: %d)%n", count(Kind.CRASH), count(Kind.HANG),
                    count(Kind.ERROR_RESPONSE), count(Kind.DROPPED_CHANGE), overBudget, count(Kind.SLOW_PUBLISH)));
            sb.append(String.format("publish latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d publishes)%n",
                    percentile(50), percentile(99), percentile(100), latenciesMs.size()));
            sb.append(String.format("live heap after GC: %.1f MB at start, %.1f MB after closing everything; RSS %d MB "
                    + "at start, %d MB at end, %d MB peak%n", heapStart / 1048576.0, heapEnd / 1048576.0,
                    rssStart / 1024, rssEnd / 1024, rssPeak / 1024));
            sb.append("slowest answer by request: ");
            new TreeMap<>(slowestRequestMs).forEach((m, ms) -> sb.append(String.format("%s %.0f ms; ", m, ms)));
            sb.append('\n');
        }
        sb.append("exceptions by type: ").append(exceptions.isEmpty() ? "none" : new TreeMap<>(exceptions)).append('\n');
        Map<String, List<Failure>> groups = new TreeMap<>();
        synchronized (failures) {
            for (Failure f : failures) {
                groups.computeIfAbsent(f.group(), g -> new ArrayList<>()).add(f);
            }
        }
        sb.append("failures: ").append(failures.size()).append(groups.isEmpty() ? "" : ", by (failure, mutation, kind):")
                .append('\n');
        for (Map.Entry<String, List<Failure>> g : groups.entrySet()) {
            sb.append(String.format("  %4d × %s, e.g. %s%n", g.getValue().size(), g.getKey(),
                    abbreviate(g.getValue().get(0).toString())));
        }
        return sb.toString();
    }

    static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }
}

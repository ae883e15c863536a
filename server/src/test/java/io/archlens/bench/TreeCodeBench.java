package io.archlens.bench;

import io.archlens.analysis.Analysis;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.SourceFile;
import io.archlens.config.Settings;
import io.archlens.filekind.FileKind;
import java.util.Arrays;
import java.util.Locale;

/**
 * Rule-book analysis time of Python, TypeScript and Go files ({@link CodeSamples}): tree-sitter parse, the copy into
 * Java, facts and every rule of the language. Two measures per file: {@code open} (a document seen for the first
 * time: full parse) and {@code typing} (the same document after a one-character edit: incremental reparse, unchanged
 * subtrees copied from the previous tree). Not a JUnit test: from {@code server/},
 * {@code java -XX:TieredStopAtLevel=1 -cp target/classes:target/test-classes:$(cat target/cp.txt)
 * io.archlens.bench.TreeCodeBench [runs] [warmup] [lines]}.
 */
public final class TreeCodeBench {
    private TreeCodeBench() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int lines = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        RuleBook book = RuleBook.loadDefault();
        for (int n : new int[] {lines, 1000}) {
            bench(book, "app.py", CodeSamples.python(n), FileKind.PYTHON, runs, warmup);
            bench(book, "server.ts", CodeSamples.typescript(n), FileKind.TYPESCRIPT, runs, warmup);
            bench(book, "orders.go", CodeSamples.go(n), FileKind.GO, runs, warmup);
        }
    }

    private static void bench(RuleBook book, String name, String text, FileKind kind, int runs, int warmup) {
        Analysis first = book.analyze(SourceFile.of("svc/first/" + name, text, kind), Settings.DEFAULTS);
        long[] open = new long[runs];
        long[] openCpu = new long[runs];
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = -warmup; i < runs; i++) {
            SourceFile f = SourceFile.of("svc/open" + i + "/" + name, text, kind); // a new document: full parse
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            book.analyze(f, Settings.DEFAULTS);
            if (i >= 0) {
                open[i] = System.nanoTime() - t0;
                openCpu[i] = mx.getCurrentThreadCpuTime() - c0;
            }
        }
        long[] typing = new long[runs];
        String path = "svc/typing/" + name;
        String current = text;
        int version = 1; // an editor document (version > 0): its parse is kept for the next version
        book.analyze(new SourceFile(path, path, current, kind, version), Settings.DEFAULTS);
        for (int i = -warmup; i < runs; i++) {
            int at = (int) ((long) Math.abs(i * 7919) % (text.length() - 1));
            at = current.indexOf('\n', at) + 1; // type at the start of a line somewhere in the file
            current = i % 2 == 0 ? current.substring(0, at) + "x" + current.substring(at) : text;
            SourceFile f = new SourceFile(path, path, current, kind, ++version);
            long t0 = System.nanoTime();
            book.analyze(f, Settings.DEFAULTS);
            if (i >= 0) {
                typing[i] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(open);
        Arrays.sort(openCpu);
        Arrays.sort(typing);
        System.out.println(String.format(Locale.ROOT,
                "%-10s %5d lines %3d findings  open median %6.2f ms p95 %6.2f ms  typing median %6.2f ms p95 %6.2f ms"
                        + "  open CPU median %6.2f ms (%d runs)", name, text.split("\n", -1).length - 1, first.findings().size(),
                open[runs / 2] / 1e6, open[(int) (runs * 0.95)] / 1e6, typing[runs / 2] / 1e6,
                typing[(int) (runs * 0.95)] / 1e6, openCpu[runs / 2] / 1e6, runs));
    }
}

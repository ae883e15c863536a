package io.archlens.syntax.treesitter;

import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RulePack;
import io.archlens.analysis.SourceFile;
import io.archlens.bench.CodeSamples;
import io.archlens.config.ProjectContext;
import io.archlens.filekind.FileKind;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.treesitter.TSParser;
import org.treesitter.TSTree;

/**
 * Where the open time of a 2,000-line tree-sitter file goes (CPU medians): the native parse alone, the copy into
 * {@link SyntaxTree}, the language's facts, and each rule. Not a JUnit test: from {@code server/},
 * {@code java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp target/classes:target/test-classes:$(cat target/cp.txt)
 * io.archlens.syntax.treesitter.TreeSplitBench [runs] [warmup] [lines]}.
 */
public final class TreeSplitBench {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private TreeSplitBench() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int lines = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        split("app.py", CodeSamples.python(lines), FileKind.PYTHON, Grammar.PYTHON,
                new io.archlens.rules.python.PythonPack(), runs, warmup);
        split("server.ts", CodeSamples.typescript(lines), FileKind.TYPESCRIPT, Grammar.TYPESCRIPT,
                new io.archlens.rules.js.TsPack(), runs, warmup);
        split("orders.go", CodeSamples.go(lines), FileKind.GO, Grammar.GO, new io.archlens.rules.go.GoPack(), runs,
                warmup);
    }

    private static void split(String name, String text, FileKind kind, Grammar grammar, RulePack<CodeTree> pack,
            int runs, int warmup) {
        Map<String, long[]> times = new LinkedHashMap<>();
        TSParser native1 = new TSParser();
        native1.setLanguage(grammar.load().language);
        for (int i = -warmup; i < runs; i++) {
            long c = cpu();
            TSTree t = native1.parseString(null, text);
            long nat = cpu() - c;
            t.close();
            c = cpu();
            TreeSitterParser.parse(grammar, text, null);
            long parse = cpu() - c;
            SourceFile f = SourceFile.of("svc/open" + i + "/" + name, text, kind);
            c = cpu();
            CodeTree tree = pack.parser().parse(f).model();
            long all = cpu() - c;
            record(times, "native parse", i, runs, nat);
            record(times, "copy", i, runs, parse - nat);
            record(times, "facts", i, runs, all - parse);
            long rules = 0;
            for (Rule<CodeTree> r : pack.rules()) {
                c = cpu();
                r.check(tree, new RuleContext(f, r.meta(), ProjectContext.EMPTY, io.archlens.analysis.Profile.STRICT, new ArrayList<>()));
                long d = cpu() - c;
                rules += d;
                record(times, "  " + r.meta().id(), i, runs, d);
            }
            record(times, "rules", i, runs, rules);
        }
        System.out.println("== " + name);
        times.forEach((k, v) -> {
            long[] s = v.clone();
            Arrays.sort(s);
            double med = s[runs / 2] / 1e6;
            if (!k.startsWith("  ") || med >= 0.1) {
                System.out.println(String.format(Locale.ROOT, "%-45s %7.2f ms", k, med));
            }
        });
    }

    private static void record(Map<String, long[]> times, String key, int i, int runs, long nanos) {
        if (i >= 0) {
            times.computeIfAbsent(key, k -> new long[runs])[i] = nanos;
        }
    }

    private static long cpu() {
        return MX.getCurrentThreadCpuTime();
    }
}

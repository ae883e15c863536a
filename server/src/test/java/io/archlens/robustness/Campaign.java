package io.archlens.robustness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The long robustness run (docs/reliability.md): {@code --inputs N} hostile documents through one in-process
 * editor session, then {@code --cli-inputs M} of them as files through {@code check}, and the figures printed.
 * From the repository root, after {@code mvn -B -q -o package -DskipTests -Darchlens.skipClients} (which also
 * compiles the tests):
 * <pre>
 * java -cp server/target/archlens.jar:server/target/test-classes \
 *     io.archlens.robustness.Campaign --inputs 10000 --seed 1
 * </pre>
 * Options: {@code --seed S} (default 1), {@code --start I} (first input index; with {@code --inputs 1}, one
 * failure's reproduction), {@code --only MUTATION[:kind],...}, {@code --failures FILE} (every failure, one a
 * line), {@code --cli-inputs M} (default 600), {@code --hang-ms T} (a publish or response later than this, times
 * the load factor, is a hang and restarts the server; default 30000), {@code --all} (also the (mutation, kind)
 * pairs {@link KnownOpen} lists), {@code --max-minutes X} (stop starting new inputs after X minutes).
 * Exit code 1 when any failure was seen.
 */
public final class Campaign {
    private Campaign() {
    }

    public static void main(String[] args) throws Exception {
        int inputs = 10_000;
        int cliInputs = 600;
        long seed = 1;
        long hangMs = 30_000;
        boolean all = false;
        int start = 0;
        String only = null;
        String failuresFile = null;
        double maxMinutes = Double.MAX_VALUE;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--inputs" -> inputs = Integer.parseInt(args[++i]);
                case "--cli-inputs" -> cliInputs = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--hang-ms" -> hangMs = Long.parseLong(args[++i]);
                case "--max-minutes" -> maxMinutes = Double.parseDouble(args[++i]);
                case "--all" -> all = true;
                case "--start" -> start = Integer.parseInt(args[++i]);
                case "--only" -> only = args[++i];
                case "--failures" -> failuresFile = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path repo = Path.of(System.getProperty("archlens.repoRoot", ".")).toAbsolutePath().normalize();
        Seeds seeds = Seeds.load(repo);
        Generator gen = new Generator(seeds, seed, filter(all, only));
        System.err.printf("%d seed files of %d kinds, %d (kind, mutation) pairs%s%n", seeds.size(), seeds.kinds().size(),
                gen.pairs().size(), all ? " (known-open ones included)" : "");
        Tally tally = new Tally();
        long t0 = System.nanoTime();
        long budgetNs = maxMinutes * 60e9 >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) (maxMinutes * 60e9);
        try (LspDriver driver = new LspDriver(tally, seeds, hangMs)) {
            driver.warmUp();
            driver.measureStart();
            int done = 0;
            for (int i : gen.indices(start, inputs)) {
                if (System.nanoTime() - t0 >= budgetNs) {
                    break;
                }
                driver.run(gen.input(i));
                if (++done % 500 == 0) {
                    System.err.printf("%d inputs, %d failures, %.0f s%n", done, tally.failures.size(),
                            (System.nanoTime() - t0) / 1e9);
                }
            }
            driver.measureEnd();
        }
        Path dir = Files.createTempDirectory("archlens-robustness-cli");
        try {
            List<Integer> cli = gen.indices(start, cliInputs);
            for (int from = 0; from < cli.size() && System.nanoTime() - t0 < budgetNs; from += 200) {
                List<Hostile> batch = new ArrayList<>();
                for (int i : cli.subList(from, Math.min(cli.size(), from + 200))) {
                    batch.add(gen.input(i));
                }
                CliDriver.run(batch, tally, dir.resolve("batch-" + from), Math.max(hangMs, 120_000));
            }
        } finally {
            delete(dir);
        }
        tally.elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.print(tally.report());
        System.out.flush();
        if (failuresFile != null) {
            // UTF-8 whatever the platform charset; a lone surrogate in a message becomes '?'
            String lines = String.join("\n", tally.failures.stream().map(Object::toString).toList()) + "\n";
            Files.write(Path.of(failuresFile), lines.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        System.exit(tally.failures.isEmpty() ? 0 : 1);
    }

    /**
     * The pairs to send: {@code --only} is a comma-separated list of {@code MUTATION} or {@code MUTATION:kind}
     * (e.g. {@code LONG_URL:compose,EDIT_MAX_CHARACTER}); without {@code --all}, known-open pairs are left out.
     */
    static Predicate<Generator.Pair> filter(boolean all, String only) {
        Predicate<Generator.Pair> p = all ? x -> true : Generator.fixedOnly();
        if (only == null) {
            return p;
        }
        List<String> specs = List.of(only.split(","));
        return p.and(x -> specs.stream().anyMatch(spec -> {
            String[] parts = spec.trim().split(":");
            return x.mutation().name().equalsIgnoreCase(parts[0])
                    && (parts.length < 2 || x.kind().id().equalsIgnoreCase(parts[1]));
        }));
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> w = Files.walk(dir)) {
            for (Path p : w.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

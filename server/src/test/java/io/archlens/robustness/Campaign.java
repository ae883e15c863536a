package io.archlens.robustness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
 * Options: {@code --seed S} (default 1), {@code --cli-inputs M} (default 600), {@code --hang-ms T} (a publish
 * or response later than this is a hang and restarts the server; default 30000), {@code --all} (also the
 * (mutation, kind) pairs {@link KnownOpen} lists), {@code --max-minutes X} (stop starting new inputs after X).
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
        double maxMinutes = Double.MAX_VALUE;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--inputs" -> inputs = Integer.parseInt(args[++i]);
                case "--cli-inputs" -> cliInputs = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--hang-ms" -> hangMs = Long.parseLong(args[++i]);
                case "--max-minutes" -> maxMinutes = Double.parseDouble(args[++i]);
                case "--all" -> all = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path repo = Path.of(System.getProperty("archlens.repoRoot", ".")).toAbsolutePath().normalize();
        Seeds seeds = Seeds.load(repo);
        Generator gen = new Generator(seeds, seed, all);
        System.err.printf("%d seed files of %d kinds, %d (kind, mutation) pairs%s%n", seeds.size(), seeds.kinds().size(),
                gen.pairs().size(), all ? " (known-open ones included)" : "");
        Tally tally = new Tally();
        long t0 = System.nanoTime();
        long budgetNs = maxMinutes * 60e9 >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) (maxMinutes * 60e9);
        try (LspDriver driver = new LspDriver(tally, seeds, hangMs)) {
            driver.warmUp();
            driver.measureStart();
            for (int i = 0; i < inputs && System.nanoTime() - t0 < budgetNs; i++) {
                driver.run(gen.input(i));
                if ((i + 1) % 500 == 0) {
                    System.err.printf("%d inputs, %d failures, %.0f s%n", i + 1, tally.failures.size(),
                            (System.nanoTime() - t0) / 1e9);
                }
            }
            driver.measureEnd();
        }
        Path dir = Files.createTempDirectory("archlens-robustness-cli");
        try {
            for (int from = 0; from < cliInputs && System.nanoTime() - t0 < budgetNs; from += 200) {
                List<Hostile> batch = new ArrayList<>();
                for (int i = from; i < Math.min(cliInputs, from + 200); i++) {
                    batch.add(gen.input(i));
                }
                CliDriver.run(batch, tally, dir.resolve("batch-" + from));
            }
        } finally {
            delete(dir);
        }
        tally.elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.print(tally.report());
        System.out.flush();
        System.exit(tally.failures.isEmpty() ? 0 : 1);
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> w = Files.walk(dir)) {
            for (Path p : w.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

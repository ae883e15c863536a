package io.archlens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Wall time of {@code bin/archlens check} over 300 files (JVM start included), as a user runs it: the launcher's
 * first {@code check} of a new jar also writes its AppCDS archive, later runs start from it.
 * The 300 files are copies of the examples and fixtures, written to a temporary folder. Run from the
 * repository root after {@code mvn -B package}:
 * <pre>java -cp server/target/test-classes io.archlens.bench.CheckBench</pre>
 */
public final class CheckBench {
    public static void main(String[] args) throws Exception {
        Path tmp = Files.createTempDirectory("archlens-check-bench");
        List<Path> sources = new ArrayList<>();
        for (String root : List.of("examples", "server/src/test/resources/fixtures")) {
            try (Stream<Path> s = Files.walk(Path.of(root))) {
                s.filter(Files::isRegularFile).filter(p -> {
                    try {
                        return Files.size(p) < 200_000;
                    } catch (IOException e) {
                        return false;
                    }
                }).sorted().forEach(sources::add);
            }
        }
        int n = 0;
        for (int round = 0; n < 300; round++) {
            for (Path src : sources) {
                if (n >= 300) {
                    break;
                }
                Path rel = Path.of(root(src)).relativize(src);
                Path dst = tmp.resolve("copy" + round).resolve(rel);
                Files.createDirectories(dst.getParent());
                Files.copy(src, dst);
                n++;
            }
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long s = System.nanoTime();
            Process p = new ProcessBuilder("bin/archlens", "check", tmp.toString(), "--format", "json")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor();
            times.add((System.nanoTime() - s) / 1e6);
        }
        List<Double> warm = new ArrayList<>(times.subList(1, times.size()));
        Collections.sort(warm);
        System.out.printf("archlens check over %d files: median %.0f ms, min %.0f ms, max %.0f ms (%d runs); "
                + "first run %.0f ms (it writes the class-data archive when the jar is new)%n", n,
                warm.get(warm.size() / 2), warm.get(0), warm.get(warm.size() - 1), warm.size(), times.get(0));
        try (Stream<Path> s = Files.walk(tmp)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static String root(Path p) {
        return p.startsWith("examples") ? "examples" : "server/src/test/resources/fixtures";
    }
}

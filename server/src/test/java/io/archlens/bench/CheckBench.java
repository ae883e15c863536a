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
 * Wall time and peak resident memory of {@code bin/archlens check} over 500 files (JVM start included), as a user
 * runs it: the launcher's first {@code check} of a new jar also writes its AppCDS archive, later runs start from it.
 * The files are copies of the examples and fixtures, written to a temporary folder ({@code -Dbench.files=N} for
 * another count). Peak memory is GNU time's maximum resident set size, when /usr/bin/time exists. Run from the
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
        int files = Integer.getInteger("bench.files", 500);
        int n = 0;
        for (int round = 0; n < files; round++) {
            for (Path src : sources) {
                if (n >= files) {
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
        List<Long> peaksKb = new ArrayList<>();
        boolean gnuTime = Files.isExecutable(Path.of("/usr/bin/time"));
        Path timeOut = Files.createTempFile("archlens-check-bench", ".time");
        for (int i = 0; i < 7; i++) {
            List<String> cmd = new ArrayList<>(List.of("bin/archlens", "check", tmp.toString(), "--format", "json"));
            if (gnuTime) {
                cmd.addAll(0, List.of("/usr/bin/time", "-f", "%M", "-o", timeOut.toString()));
            }
            long s = System.nanoTime();
            Process p = new ProcessBuilder(cmd)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor();
            times.add((System.nanoTime() - s) / 1e6);
            if (gnuTime && i > 0) {
                String[] lines = Files.readString(timeOut).strip().split("\n"); // "Command exited with..." first
                peaksKb.add(Long.parseLong(lines[lines.length - 1].strip()));
            }
        }
        List<Double> warm = new ArrayList<>(times.subList(1, times.size()));
        Collections.sort(warm);
        System.out.printf("archlens check over %d files: median %.0f ms, min %.0f ms, max %.0f ms (%d runs); "
                + "first run %.0f ms (it writes the class-data archive when the jar is new)%n", n,
                warm.get(warm.size() / 2), warm.get(0), warm.get(warm.size() - 1), warm.size(), times.get(0));
        if (!peaksKb.isEmpty()) {
            Collections.sort(peaksKb);
            System.out.printf("peak resident memory: median %d MB, max %d MB%n", peaksKb.get(peaksKb.size() / 2) / 1024,
                    peaksKb.get(peaksKb.size() - 1) / 1024);
        }
        Files.deleteIfExists(timeOut);
        try (Stream<Path> s = Files.walk(tmp)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static String root(Path p) {
        return p.startsWith("examples") ? "examples" : "server/src/test/resources/fixtures";
    }
}

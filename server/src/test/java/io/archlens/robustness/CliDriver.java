package io.archlens.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archlens.analysis.RuleBook;
import io.archlens.cli.Main;
import io.archlens.config.Settings;
import io.archlens.filekind.FileKind;
import io.archlens.filekind.FileKindDetector;
import io.archlens.workspace.BatchAnalyzer;
import io.archlens.workspace.FileWalker;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code archlens check --format json} (in this JVM, through the CLI's own entry point) over a folder of hostile
 * files: no exception escapes, the exit code is 0, 1 or 2 (2 only for a usage or settings error, so here it means
 * an escaped exception), no parser or rule failure is logged, no file has more findings than the cap, and every
 * file of a kind ArchLens reads is either
 * analysed or named on stderr / in the skipped list. A check that does not finish in time is a hang.
 */
public final class CliDriver {
    private static final Pattern LOGGED = Pattern.compile(
            "(?m)^archlens: (.*?): ((?:[a-zA-Z_$][\\w$]*\\.)+[\\w$]*(?:Exception|Error))");

    private CliDriver() {
    }

    /** Writes the inputs (the edit classes excepted: on disk they are their seed) and runs check over them. */
    public static void run(List<Hostile> inputs, Tally tally, Path dir, long timeoutMs) throws IOException {
        Files.createDirectories(dir);
        Map<Path, Hostile> files = new LinkedHashMap<>();
        for (Hostile h : inputs) {
            if (h.mutation().isEdit()) {
                continue;
            }
            Path f = dir.resolve(h.relPath());
            Files.createDirectories(f.getParent());
            Files.write(f, h.bytes());
            files.put(f.toAbsolutePath().normalize(), h);
        }
        tally.cliFiles += files.size();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int[] exit = {-1};
        Throwable[] thrown = {null};
        Thread runner = new Thread(() -> {
            try {
                exit[0] = Main.run(new PrintWriter(out), new PrintWriter(err), "check", "--format", "json", dir.toString());
            } catch (Throwable t) {
                thrown[0] = t;
            }
        }, "robustness-check");
        runner.setDaemon(true);
        runner.start();
        try {
            runner.join(timeoutMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (runner.isAlive()) {
            tally.fail(Tally.Kind.HANG, null, "check over " + files.size() + " files did not finish within " + timeoutMs
                    + " ms");
            // a check stuck in a runaway loop: its threads are stopped so they do not keep burning a core
            InProcessServer.stopThreads(t -> t == runner || t.getName().startsWith("archlens-check"));
            return;
        }
        if (thrown[0] != null) {
            tally.fail(Tally.Kind.CLI_EXCEPTION, null, "check threw " + thrown[0]);
            tally.exception(thrown[0].getClass().getName());
            return;
        }
        int code = exit[0];
        String stderr = err.toString();
        if (code < 0 || code > 2) {
            tally.fail(Tally.Kind.CLI_EXIT_CODE, null, "check exited " + code);
        }
        if (code == 2) {
            tally.fail(Tally.Kind.CLI_EXCEPTION, null, "check exited 2: " + Tally.abbreviate(stderr));
            return;
        }
        Matcher m = LOGGED.matcher(stderr);
        while (m.find()) {
            tally.exception(m.group(2));
            tally.fail(Tally.Kind.EXCEPTION, blame(files, m.group(1)), "check logged " + m.group(2) + ": " + m.group(1));
        }
        Set<Path> named = new HashSet<>();
        Map<Path, Integer> perFile = new java.util.HashMap<>();
        JsonNode report = new ObjectMapper().readTree(out.toString());
        for (String list : List.of("findings", "skipped")) {
            for (JsonNode n : report.path(list)) {
                Path p = Path.of(n.path("path").asText()).toAbsolutePath().normalize();
                named.add(p);
                perFile.merge(p, 1, Integer::sum);
            }
        }
        perFile.forEach((p, n) -> {
            if (n > LspDriver.DIAGNOSTICS_CAP) {
                tally.fail(Tally.Kind.UNCAPPED_OUTPUT, files.get(p), "check reported " + n + " findings in one file");
            }
        });
        accountFor(files, named, stderr, tally);
    }

    private static void accountFor(Map<Path, Hostile> files, Set<Path> named, String stderr, Tally tally) {
        Path cwd = Path.of("").toAbsolutePath();
        BatchAnalyzer engine = new BatchAnalyzer(RuleBook.loadDefault(), Settings.DEFAULTS, cwd, (msg, e) -> { });
        for (Map.Entry<Path, Hostile> e : files.entrySet()) {
            Path f = e.getKey();
            String display = FileWalker.rel(cwd, f);
            if (named.contains(f) || stderr.contains(display) || !readable(display, e.getValue().bytes())) {
                continue;
            }
            // analysed without findings is the one outcome the report does not list: confirm it
            BatchAnalyzer.FileResult r = engine.analyzeOne(f);
            if (r == null || r.analysis() == null || !r.findings().isEmpty()) {
                tally.fail(Tally.Kind.CLI_FILE_UNACCOUNTED, e.getValue(), display + " is neither in the report nor on "
                        + "stderr");
            }
        }
    }

    /**
     * Whether check must say something about the file: its name decides a kind ArchLens reads, or its content
     * does (a file whose kind only its content decides and that looks binary or is too large is not a config
     * file as far as check can tell).
     */
    private static boolean readable(String display, byte[] bytes) {
        RuleBook book = RuleBook.loadDefault();
        FileKind byName = FileKindDetector.detect(display, "");
        if (byName != FileKind.UNKNOWN) {
            return book.supports(byName);
        }
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                return false;
            }
        }
        return bytes.length <= Settings.DEFAULT_MAX_FILE_BYTES
                && book.supports(FileKindDetector.detect(display, ClientText.decode(bytes)));
    }

    private static Hostile blame(Map<Path, Hostile> files, String message) {
        for (Map.Entry<Path, Hostile> e : files.entrySet()) {
            if (message.contains(e.getValue().relPath())) {
                return e.getValue();
            }
        }
        return null;
    }
}

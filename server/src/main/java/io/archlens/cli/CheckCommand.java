package io.archlens.cli;

import io.archlens.analysis.Finding;
import io.archlens.analysis.Profile;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.Severity;
import io.archlens.config.Settings;
import io.archlens.workspace.BatchAnalyzer;
import io.archlens.workspace.BatchAnalyzer.FileResult;
import io.archlens.workspace.FileLoader;
import io.archlens.workspace.FileWalker;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code archlens check}: the same engine as the editor, for CI. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Analyse files and folders; exit 0 when clean, 1 on findings at or above --fail-on, 2 on errors,"
                + " 3 when --agent was given and the agent could not review any file.")
public final class CheckCommand implements Callable<Integer> {
    enum Format { text, json, sarif, github, gitlab, junit }

    /** PATH..., --config, --profile, --no-hints, --baseline, --changed-since, --select, --ignore, --verbose. */
    @CommandLine.Mixin
    AnalysisOptions options = new AnalysisOptions();

    @Option(names = "--format", defaultValue = "text", description = "text, json, sarif, github (workflow annotations), gitlab (Code Quality) or junit"
                    + " (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--sarif-output", paramLabel = "FILE",
            description = "Also write the SARIF report to FILE (one run for annotations and code scanning).")
    Path sarifOutput;

    @Option(names = "--fail-on", defaultValue = "warning",
            description = "Lowest severity that makes the exit code 1: error, warning, info or hint (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Record today's findings in FILE (JSON) and exit 0; later runs with --baseline FILE report"
                    + " only new ones.")
    Path writeBaseline;

    @Option(names = "--agent", paramLabel = "NAME",
            description = "Also review each file with the LLM architecture agent NAME (e.g. backend-architecture-expert),"
                    + " configured by the agent: settings; see docs/agents.md. Progress goes to stderr.")
    String agent;

    @Option(names = "--agent-base-url", paramLabel = "URL",
            description = "The provider URL for --agent; overrides agent.base-url. The API key is only sent to the"
                    + " provider's public API, to localhost, or to a URL given here.")
    String agentBaseUrl;

    @Option(names = "--concise", description = "One line per finding (path:line:col: severity rule message), no"
            + " source excerpt.")
    boolean concise;

    @Option(names = "--color", defaultValue = "auto", paramLabel = "WHEN",
            description = "Colour the text report: auto (on a terminal, unless NO_COLOR is set), always or never.")
    Ansi.Mode color;

    @Option(names = "--statistics", description = "Count the findings by rule (with how many are fixable) instead of"
            + " listing them.")
    boolean statistics;

    @Option(names = "--stdin-filename", paramLabel = "PATH",
            description = "With the path '-': read one file from stdin and analyse it as PATH (its name decides the"
                    + " kind).")
    String stdinFilename;

    @Option(names = "--fix", description = "Apply the safe fixes to the files (as the editor's fix-all), then report"
            + " what is left.")
    boolean fix;

    @Option(names = "--unsafe-fixes", description = "With --fix or --diff: apply unsafe fixes too.")
    boolean unsafeFixes;

    @Option(names = "--diff", description = "Print the fixes as a unified diff instead of applying them; exit 1 when"
            + " there is something to fix.")
    boolean diff;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** What {@code archlens report} writes instead of a --format (null for check). */
    interface Output {
        int write(List<FileResult> results, RuleBook book, Settings settings,
                List<io.archlens.model.SystemModel> projects, PrintWriter err);
    }

    Output output;

    /** The settings file this run read (null: none, the defaults), once {@link #call} has loaded it. */
    Path settingsFile;

    /**
     * The width the full text form wraps messages at on a terminal (COLUMNS, else 100); 0 (no wrapping) when the
     * output goes to a file, a pipe or a CI log, which grep and problem matchers read line by line. A test may set it.
     */
    int columns = Ansi.stdoutIsTerminal() ? TextReport.columns(System.getenv("COLUMNS")) : 0;

    /** stdin for {@code -}; a test may set another. */
    java.io.InputStream stdin = System.in;

    /** The rule book to use; the default one (every pack on the class path) unless a test injects another. */
    RuleBook book;

    /** Output and error text when not run by picocli ({@link QuickCheck}); else the command line's. */
    PrintWriter out;
    PrintWriter err;

    @Override
    public Integer call() {
        PrintWriter out = this.out != null ? this.out : spec.commandLine().getOut();
        PrintWriter err = this.err != null ? this.err : spec.commandLine().getErr();
        Severity threshold = Severity.parse(failOn).orElse(null);
        if (threshold == null) {
            err.println("archlens: --fail-on must be error, warning, info or hint, not '" + failOn + "'");
            return 2;
        }
        if (options.paths.isEmpty()) {
            options.paths.add(Path.of("."));
        }
        boolean fromStdin = options.paths.size() == 1 && options.paths.get(0).toString().equals("-");
        if (fromStdin != (stdinFilename != null)) {
            err.println("archlens: " + (fromStdin ? "reading stdin ('-') needs --stdin-filename PATH"
                    : "--stdin-filename goes with the path '-' alone"));
            return 2;
        }
        if (fromStdin && (fix || diff)) {
            err.println("archlens: --fix and --diff work on files, not on stdin");
            return 2;
        }
        Set<Path> named = new HashSet<>();
        for (Path p : fromStdin ? List.<Path>of() : options.paths) {
            if (!Files.exists(p)) {
                err.println("archlens: no such file or folder: " + p);
                return 2;
            }
            if (!Files.isDirectory(p) && (!Files.isRegularFile(p) || !Files.isReadable(p))) {
                err.println("archlens: cannot read " + p + (Files.isRegularFile(p) ? ": permission denied"
                        : ": not a regular file or folder"));
                return 2;
            }
            if (Files.isRegularFile(p)) {
                named.add(p);
            }
        }
        Path cwd = Path.of("").toAbsolutePath();
        Path settingsFrom = fromStdin ? Path.of(stdinFilename).toAbsolutePath().getParent() : options.paths.get(0);
        SettingsFile.Loaded loaded = SettingsFile.load(options.config, settingsFrom != null ? settingsFrom : cwd, cwd, err);
        if (loaded == null) {
            return 2;
        }
        Settings settings = loaded.settings();
        settingsFile = loaded.file();
        if (options.profile != null) {
            if (Profile.parse(options.profile).isEmpty()) {
                err.println("archlens: unknown profile '" + options.profile + "'; use essential, recommended or strict");
                return 2;
            }
            settings = Settings.merge(settings, Settings.fromMap(Map.of("profile", options.profile)));
        }
        Path root = loaded.root();
        LinkedHashSet<Path> files = new LinkedHashSet<>();
        try {
            for (Path p : fromStdin ? List.<Path>of() : options.paths) {
                files.addAll(FileWalker.walk(p, root, settings));
            }
            files.removeIf(loaded::isFile); // validated above, its problems on stderr
        } catch (IOException e) {
            err.println("archlens: cannot read " + e.getMessage());
            return 2;
        }
        // (the walk and the Compose mounts first: a run started by io.archlens.Main loads the book meanwhile)
        java.util.Map<Path, io.archlens.filekind.FileKind> mounts = fromStdin ? Map.of()
                : BatchAnalyzer.mounts(new ArrayList<>(files), settings);
        RuleBook book = this.book != null ? this.book : RuleBook.loadDefault();
        BatchAnalyzer analyzer = new BatchAnalyzer(book, settings, cwd, (msg, ex) -> {
            synchronized (err) {
                err.println("archlens: " + msg + ": " + ex);
                err.flush();
            }
        });
        java.util.function.IntConsumer progress = Progress.of(err, files.size(), Ansi.stdoutIsTerminal(),
                System.getenv("CI"));
        analyzer.onProgress(progress);
        List<FileResult> results;
        try {
            results = fromStdin ? StdinInput.analyze(stdin, stdinFilename, book, settings, analyzer)
                    : analyzer.analyze(new ArrayList<>(files), named, mounts);
        } catch (IOException e) {
            err.println("archlens: cannot read stdin: " + e.getMessage());
            return 2;
        } finally {
            if (progress instanceof Progress p) {
                p.close();
            }
        }
        for (FileResult r : results) {
            if (named.contains(r.path()) && r.skip() != null && r.skip().code().equals(FileLoader.UNREADABLE)) {
                err.println("archlens: " + r.displayPath() + ": " + r.skip().detail());
                err.flush();
                return 2;
            }
        }
        if (fix || diff) {
            FixRun.Outcome fixed;
            try {
                // only the findings this run reports: --select/--ignore, --baseline and --changed-since apply
                fixed = FixRun.run(narrow(selected(results)), book, settings, unsafeFixes, diff, this::selected,
                        options.baseline != null || options.changedSince != null, out, err);
            } catch (IOException e) {
                return ioError(e, err);
            }
            if (diff) {
                out.flush();
                err.println("archlens: " + plural(fixed.changed(), "file") + " would be changed by --fix"
                        + (unsafeFixes ? " --unsafe-fixes" : ""));
                err.flush();
                return fixed.changed() > 0 ? 1 : fixed.skipped() > 0 ? 2 : 0;
            }
            err.println("archlens: fixed " + plural(fixed.changed(), "file")
                    + (fixed.skipped() > 0 ? ", " + fixed.skipped() + " left alone" : ""));
            if (fixed.changed() > 0) {
                results = analyzer.analyze(new ArrayList<>(files), named);
            }
        }
        String agentNotRun = null;
        if (agent != null) {
            AgentBatch.Outcome outcome = AgentBatch.run(agent, agentBaseUrl, settings, root, cwd, new ArrayList<>(files),
                    results, analyzer.lastCrossFile(), err);
            if (outcome.results() == null) {
                return 2;
            }
            results = outcome.results();
            agentNotRun = outcome.notRun();
        }
        results = selected(results);
        try {
            if (writeBaseline != null) {
                Baseline.write(results, writeBaseline);
                long n = results.stream().mapToLong(r -> r.findings().size()).sum();
                err.println("archlens: wrote " + plural(n, "finding") + " to the baseline " + writeBaseline);
                err.flush();
                return 0;
            }
            results = narrow(results);
        } catch (IOException e) {
            return ioError(e, err);
        }
        Coverage.report(results, options.paths, options.verbose, err);
        if (output != null) {
            io.archlens.model.CrossFileAnalysis.Result cross = analyzer.lastCrossFile();
            return output.write(results, book, settings, cross == null ? List.of() : cross.projects(), err);
        }
        if (sarifOutput != null) {
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(sarifOutput))) {
                SarifReport.write(results, book, settings, w);
            } catch (IOException | RuntimeException e) {
                err.println("archlens: cannot write " + sarifOutput + ": " + e.getMessage());
                err.flush();
                return 2;
            }
        }
        switch (format) {
            case json -> JsonReport.write(results, book, out);
            case sarif -> SarifReport.write(results, book, settings, out);
            case github -> CiReports.github(results, out);
            case gitlab -> CiReports.gitlab(results, out);
            case junit -> CiReports.junit(results, threshold, out);
            default -> {
                Ansi ansi = Ansi.of(color, System.getenv("NO_COLOR"), Ansi.stdoutIsTerminal());
                if (statistics) {
                    Statistics.write(results, book, ansi, out);
                }
                TextReport.write(results, out, concise, ansi, !statistics, columns);
            }
        }
        out.flush();
        if (agentNotRun != null) {
            err.println("archlens: --agent: the " + agent + " agent reviewed no file: " + agentNotRun
                    + " (exit code " + AgentBatch.NOT_RUN + "; the rule book's findings are reported as usual)");
            err.flush();
            return AgentBatch.NOT_RUN;
        }
        err.flush();
        boolean failing = results.stream().flatMap(r -> r.findings().stream())
                .anyMatch(f -> f.severity().atLeast(threshold));
        return failing ? 1 : 0;
    }

    /** --no-hints, --select and --ignore. */
    private List<FileResult> selected(List<FileResult> results) {
        return Findings.keep(results, (r, f) -> selected(f));
    }

    private boolean selected(Finding f) {
        return !(options.noHints && f.severity() == Severity.HINT) && RuleSelection.selected(f.ruleId(), options.select, options.ignore);
    }

    /** --baseline and --changed-since: the findings this change brings. */
    private List<FileResult> narrow(List<FileResult> results) throws IOException {
        if (options.baseline != null) {
            results = Baseline.read(options.baseline).newFindings(results);
        }
        if (options.changedSince != null) {
            Path first = options.paths.get(0).toAbsolutePath();
            results = ChangedLines.since(options.changedSince, Files.isDirectory(first) ? first : first.getParent())
                    .filter(results);
        }
        return results;
    }

    private static int ioError(IOException e, PrintWriter err) {
        err.println("archlens: " + (e instanceof java.nio.file.NoSuchFileException ? "no such file: " : "")
                + e.getMessage());
        err.flush();
        return 2;
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : word.endsWith("s") ? "es" : "s");
    }

    static String lower(Severity s) {
        return s.name().toLowerCase(Locale.ROOT);
    }
}

package io.archlens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code archlens report}: the analysis of {@code check}, written as one self-contained HTML page. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Analyse as check does and write one static HTML page (summary, findings by file, rule"
                + " explanations, service graph) that opens offline; exit 0 when written, 2 on errors.")
public final class ReportCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files or folders (default: the current folder).")
    List<Path> paths = new ArrayList<>();

    @Option(names = {"-o", "--output", "--out"}, paramLabel = "FILE", defaultValue = "archlens-report.html",
            description = "The HTML file to write (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--title", paramLabel = "TEXT", description = "The page's title (default: ArchLens report: PATHS).")
    String title;

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file (default: the nearest .archlens.yml).")
    Path config;

    @Option(names = "--profile", paramLabel = "PROFILE",
            description = "Which rules run: essential, recommended or strict (default: the settings' profile, else"
                    + " recommended).")
    String profile;

    @Option(names = "--no-hints", description = "Leave hints out of the report.")
    boolean noHints;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Report only findings not recorded in FILE (written by check --write-baseline).")
    Path baseline;

    @Option(names = "--changed-since", paramLabel = "REF",
            description = "Report only findings on lines changed since the git revision REF.")
    String changedSince;

    @Option(names = "--select", split = ",", paramLabel = "RULE",
            description = "Report only these rule ids or prefixes, comma-separated.")
    List<String> select = new ArrayList<>();

    @Option(names = "--ignore", split = ",", paramLabel = "RULE",
            description = "Leave out these rule ids or prefixes, comma-separated.")
    List<String> ignore = new ArrayList<>();

    @Option(names = {"-v", "--verbose"}, description = "List the analysed files and their kinds on stderr.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The rule book; the default one unless a test injects another. */
    io.archlens.analysis.RuleBook book;

    /** The page's timestamp; a test may fix it. */
    String generated = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CheckCommand check = new CheckCommand();
        CommandLine cl = new CommandLine(check); // the check's defaults, then this command's options
        cl.setOut(out);
        cl.setErr(err);
        cl.parseArgs();
        check.paths = new ArrayList<>(paths);
        check.config = config;
        check.profile = profile;
        check.noHints = noHints;
        check.baseline = baseline;
        check.changedSince = changedSince;
        check.select = select;
        check.ignore = ignore;
        check.verbose = verbose;
        check.book = book;
        String shownTitle = title != null ? title : "ArchLens report: " + (paths.isEmpty() ? "."
                : String.join(" ", paths.stream().map(Path::toString).toList()));
        check.output = (results, book, settings, projects, e) -> {
            String html = HtmlReport.render(new HtmlReport.Page(shownTitle, results, book, projects, generated));
            try {
                Path parent = output.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(output, html, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException ex) {
                e.println("archlens: cannot write " + output + ": " + ex.getMessage());
                e.flush();
                return 2;
            }
            long n = results.stream().mapToLong(r -> r.findings().size()).sum();
            e.println("archlens: wrote " + output + " (" + CheckCommand.plural(n, "finding") + ")");
            e.flush();
            return 0;
        };
        return check.call();
    }
}

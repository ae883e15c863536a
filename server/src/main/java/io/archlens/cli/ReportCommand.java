package io.archlens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code archlens report}: the analysis of {@code check}, written as one self-contained HTML page. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Analyse as check does and write one static HTML page (summary, service graph with the findings"
                + " on its services, context in effect, findings by file, severity, kind, project or rule, rule"
                + " explanations) that opens offline; exit 0 when written, 2 on errors.")
public final class ReportCommand implements Callable<Integer> {
    /** The same options as check's (one definition): PATH..., --config, --profile, --select... */
    @CommandLine.Mixin
    AnalysisOptions options = new AnalysisOptions();

    @Option(names = {"-o", "--output", "--out"}, paramLabel = "FILE", defaultValue = "archlens-report.html",
            description = "The HTML file to write (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--title", paramLabel = "TEXT", description = "The page's title (default: ArchLens report: PATHS).")
    String title;

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
        String shownTitle = title != null ? title : "ArchLens report: " + (options.paths.isEmpty() ? "."
                : String.join(" ", options.paths.stream().map(Path::toString).toList()));
        check.options = options;
        check.book = book;
        check.output = (results, book, settings, projects, e) -> {
            String file = check.settingsFile == null ? null : shown(check.settingsFile);
            String html = HtmlReport.render(new HtmlReport.Page(shownTitle, results, book, projects, generated,
                    settings, file));
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

    /** A path relative to the current folder when it is below it (the report may travel). */
    private static String shown(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        Path a = p.toAbsolutePath().normalize();
        return a.startsWith(cwd) ? cwd.relativize(a).toString() : a.toString();
    }
}

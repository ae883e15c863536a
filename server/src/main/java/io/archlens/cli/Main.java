package io.archlens.cli;

import io.archlens.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code archlens} command: lsp, check, report, rules, explain, graph. */
@Command(name = "archlens", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Reviews backend configuration the way a senior backend architect would.",
        subcommands = {LspCommand.class, CheckCommand.class, RulesCommand.class, ExplainCommand.class,
                GraphCommand.class, ReportCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return run(null, null, args);
    }

    /** Runs a command with its output and error text sent to {@code out}/{@code err} (null: the console). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        if (out != null) {
            cl.setOut(out);
        }
        if (err != null) {
            cl.setErr(err);
        }
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("archlens: " + ex.getMessage());
            return 2;
        });
        cl.setExitCodeExceptionMapper(ex -> 2);
        return cl.execute(args);
    }

    /**
     * What an analysing command ({@code check}, {@code report}) will need whatever its options say, done ahead on
     * another thread while this one parses the command line: the default rule book, and the JSON writer when the
     * arguments ask for JSON. Only loads and warms: the command itself reports any failure.
     */
    public static void prepare(String[] args) {
        io.archlens.analysis.RuleBook.loadDefault();
        // the YAML reader: Compose, Kubernetes, workflows, OpenAPI and Spring files all go through it
        io.archlens.syntax.yaml.YamlParser.parse(io.archlens.analysis.SourceFile.of("prepare.yaml",
                "a: 1\nb: [x, {c: 'd'}]\n---\ne: |\n  f\n", io.archlens.filekind.FileKind.COMPOSE));
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--format=json") || args[i].equals("--format") && i + 1 < args.length
                    && args[i + 1].equals("json")) {
                JsonReport.prepare();
                break;
            }
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: lsp, check, report, rules, explain or graph");
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"archlens " + Version.get()};
        }
    }
}

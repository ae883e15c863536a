package io.archlens.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What to analyse and which findings to keep: the options {@code check} and {@code report} share, defined once (a
 * picocli mixin) so the two commands cannot drift apart.
 */
final class AnalysisOptions {
    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files or folders (default: the current folder).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file (default: the nearest .archlens.yml).")
    Path config;

    @Option(names = "--profile", paramLabel = "PROFILE",
            description = "Which rules run: essential, recommended or strict (default: the settings' profile, else"
                    + " recommended).")
    String profile;

    @Option(names = "--no-hints", description = "Leave hints out.")
    boolean noHints;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Report only findings not recorded in FILE (matched on rule, file and the text of the"
                    + " finding and its lines, not line numbers; written by check --write-baseline).")
    Path baseline;

    @Option(names = "--changed-since", paramLabel = "REF",
            description = "Report only findings on lines changed since the git revision REF (and cross-file findings"
                    + " with a location on one); files git does not track count as changed.")
    String changedSince;

    @Option(names = "--select", split = ",", paramLabel = "RULE",
            description = "Report only these rule ids or prefixes (docker, docker/no-latest-tag), comma-separated.")
    List<String> select = new ArrayList<>();

    @Option(names = "--ignore", split = ",", paramLabel = "RULE",
            description = "Leave out these rule ids or prefixes for this run, comma-separated.")
    List<String> ignore = new ArrayList<>();

    @Option(names = {"-v", "--verbose"}, description = "List the analysed files and their kinds on stderr.")
    boolean verbose;
}

package io.archlens;

import java.util.List;

/** Entry point of the jar; see {@link io.archlens.cli.Main}. */
public final class Main {
    private Main() {
    }

    /**
     * The launcher's training run for the server's own class-data archive ({@code bin/archlens}): the editor
     * warm-up alone, so the archive holds what a server loads and not what only one-shot commands do (their report
     * writers: 4 MB less resident for the server).
     */
    static final String WARM_UP_SERVER = "--warm-up-server";

    public static void main(String[] args) throws InterruptedException {
        if (args.length == 1 && args[0].equals(WARM_UP_SERVER)) {
            Warmup.run(false);
            System.exit(0);
        }
        if (plainLsp(args)) {
            // what editors launch: straight to the server, without building the command-line model (picocli
            // reflects over every command and option, about a quarter of a second of the server's start-up)
            System.exit(io.archlens.lsp.ServerLauncher.stdio());
        }
        if (analyses(args)) {
            // the rule book (every pack, its rules and patterns) loads on a second core while picocli, on this one,
            // reflects over the commands and options; the command then finds it loaded (io.archlens.cli.Main.prepare)
            Thread t = new Thread(() -> prepare(args), "archlens-prepare");
            t.setDaemon(true);
            t.start();
        }
        // `check PATH... [--format F] [--profile P]` starts without picocli (io.archlens.cli.QuickCheck)
        Integer quick = io.archlens.cli.QuickCheck.run(args);
        int code = quick != null ? quick : io.archlens.cli.Main.run(args);
        if (System.getenv("ARCHLENS_WARMUP_LSP") != null) {
            // the launcher is writing a class-data archive at the end of this run: let it hold the server's classes
            Warmup.run(true);
        }
        System.exit(code);
    }

    /** Commands that analyse files with the default rule book ({@code check}, {@code report}). */
    static boolean analyses(String[] args) {
        return args.length > 0 && (args[0].equals("check") || args[0].equals("report"));
    }

    private static void prepare(String[] args) {
        try {
            io.archlens.cli.Main.prepare(args);
        } catch (RuntimeException | Error e) {
            // the command loads it again and reports the failure itself
        }
    }

    /** {@code lsp} or {@code lsp --stdio}: the stdio server with no other option to parse. */
    static boolean plainLsp(String[] args) {
        return List.of(args).equals(List.of("lsp")) || List.of(args).equals(List.of("lsp", "--stdio"));
    }
}

package io.archlens.cli;

import io.archlens.lsp.ServerLauncher;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code archlens lsp}: the language server on stdio, or on a TCP port for debugging. */
@Command(name = "lsp", mixinStandardHelpOptions = true, description = "Run the language server (stdio by default).")
public final class LspCommand implements Callable<Integer> {
    @Option(names = "--socket", paramLabel = "PORT", description = "Listen on 127.0.0.1:PORT instead of stdio.")
    Integer port;

    @Option(names = "--stdio", description = "Use stdio (the default; accepted for client compatibility).")
    boolean stdio;

    @Override
    public Integer call() throws Exception {
        return port != null ? ServerLauncher.socket(port) : ServerLauncher.stdio();
    }
}

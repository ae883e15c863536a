package io.archlens;

/** Entry point of the jar; see {@link io.archlens.cli.Main}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        io.archlens.cli.Main.main(args);
    }
}

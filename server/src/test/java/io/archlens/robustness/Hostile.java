package io.archlens.robustness;

import io.archlens.filekind.FileKind;

/**
 * One hostile input: made from {@code seedPath} by {@code mutation}, reproducible from ({@code runSeed},
 * {@code index}) alone. {@code text} is what an editor sends on open; {@code bytes} what a file on disk holds
 * ({@code check} reads it); {@code edit} is the change sent after the open (out of range for the edit mutations, a
 * small ordinary edit otherwise). {@code staysAnalysed}: the mutation keeps the file well-formed, so a seed that
 * is analysed must stay analysed (no {@code archlens/not-analyzed} hint).
 */
public record Hostile(long runSeed, int index, String seedPath, String relPath, FileKind kind, Mutation mutation,
        String text, byte[] bytes, ClientText.Change edit, boolean staysAnalysed) {

    /** How to regenerate exactly this input. */
    public String reproduction() {
        return "seed " + runSeed + " input " + index + " (" + mutation + " of " + seedPath + ", "
                + text.length() + " chars)";
    }

    @Override
    public String toString() {
        return reproduction();
    }
}

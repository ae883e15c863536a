package io.archlens.robustness;

import io.archlens.filekind.FileKind;
import java.util.List;

/**
 * Defects the harness finds that are not fixed yet, each pointing at its item of issue 11. The seeded test skips
 * exactly these (mutation, kind) pairs so that it stays honest about everything else; remove an entry when its
 * fix merges (the test then covers it again), and {@code Campaign --all} runs them regardless.
 */
public final class KnownOpen {
    /** One open defect: {@code kind} null means every kind. */
    public record Entry(Mutation mutation, FileKind kind, String issue) {
        boolean covers(Mutation m, FileKind k) {
            return mutation == m && (kind == null || kind == k);
        }
    }

    /** Empty: every defect of issue 11 the harness found is fixed; add an entry only with its issue. */
    public static final List<Entry> KNOWN_OPEN = List.of();

    private KnownOpen() {
    }

    public static boolean isOpen(Mutation m, FileKind k) {
        return KNOWN_OPEN.stream().anyMatch(e -> e.covers(m, k));
    }
}

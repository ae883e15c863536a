package io.archlens.robustness;

import io.archlens.filekind.FileKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic hostile inputs: input {@code i} of run seed {@code s} depends on nothing else, so any failure
 * reproduces from the two numbers. Inputs cycle through every (kind, mutation class) pair that applies, so the
 * first {@code pairs().size()} inputs cover each pair once; each picks its seed file at random from that kind.
 */
public final class Generator {
    /** One cell of the coverage grid. */
    public record Pair(FileKind kind, Mutation mutation) {
    }

    private final Seeds seeds;
    private final long runSeed;
    private final List<Pair> pairs = new ArrayList<>();

    /** {@code includeKnownOpen}: also the pairs {@link KnownOpen} lists (they hang or fail until fixed). */
    public Generator(Seeds seeds, long runSeed, boolean includeKnownOpen) {
        this.seeds = seeds;
        this.runSeed = runSeed;
        for (FileKind k : seeds.kinds()) {
            for (Mutation m : Mutation.values()) {
                if (m.appliesTo(k) && (includeKnownOpen || !KnownOpen.isOpen(m, k))) {
                    pairs.add(new Pair(k, m));
                }
            }
        }
    }

    public List<Pair> pairs() {
        return List.copyOf(pairs);
    }

    public Hostile input(int index) {
        Pair p = pairs.get(index % pairs.size());
        Random r = new Random(runSeed * 0x9E3779B97F4A7C15L + index);
        List<Seeds.Seed> of = seeds.of(p.kind());
        Seeds.Seed seed = of.get(r.nextInt(of.size()));
        return p.mutation().make(runSeed, index, seed, String.format("in-%05d/%s", index, seed.relPath()), r);
    }
}

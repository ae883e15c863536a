package io.archlens.robustness;

import io.archlens.filekind.FileKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Deterministic hostile inputs: input {@code i} of run seed {@code s} depends on nothing else (not on which pairs
 * a run skips), so any failure reproduces from the two numbers ({@code Campaign --seed s --start i --inputs 1}).
 * Indices cycle through every (kind, mutation class) pair that applies, so each window of {@link #grid()} size
 * covers each pair once; each input picks its seed file at random from that kind.
 */
public final class Generator {
    /** One cell of the coverage grid. */
    public record Pair(FileKind kind, Mutation mutation) {
    }

    private final Seeds seeds;
    private final long runSeed;
    private final List<Pair> grid = new ArrayList<>();
    private final Predicate<Pair> include;

    /** {@code include}: the pairs a run sends (e.g. not those {@link KnownOpen} lists). */
    public Generator(Seeds seeds, long runSeed, Predicate<Pair> include) {
        this.seeds = seeds;
        this.runSeed = runSeed;
        this.include = include;
        for (FileKind k : seeds.kinds()) {
            for (Mutation m : Mutation.values()) {
                if (m.appliesTo(k)) {
                    grid.add(new Pair(k, m));
                }
            }
        }
    }

    /** Every pair that is not known to be open. */
    public static Predicate<Pair> fixedOnly() {
        return p -> !KnownOpen.isOpen(p.mutation(), p.kind());
    }

    /** All (kind, mutation) pairs that apply, included or not. */
    public List<Pair> grid() {
        return List.copyOf(grid);
    }

    /** The pairs this run sends. */
    public List<Pair> pairs() {
        return grid.stream().filter(include).toList();
    }

    /** The first {@code n} indices from {@code start} whose pair is included. */
    public List<Integer> indices(int start, int n) {
        List<Integer> out = new ArrayList<>();
        if (pairs().isEmpty()) {
            return out;
        }
        for (int i = start; out.size() < n; i++) {
            if (include.test(grid.get(i % grid.size()))) {
                out.add(i);
            }
        }
        return out;
    }

    public Hostile input(int index) {
        Pair p = grid.get(index % grid.size());
        Random r = new Random(runSeed * 0x9E3779B97F4A7C15L + index);
        List<Seeds.Seed> of = seeds.of(p.kind());
        Seeds.Seed seed = of.get(r.nextInt(of.size()));
        return p.mutation().make(runSeed, index, seed, String.format("in-%05d/%s", index, seed.relPath()), r);
    }
}

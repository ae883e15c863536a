package io.archlens.syntax.dockerfile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The parsed Dockerfile: directives, comments, instructions in order, and the stages they form. */
public final class Dockerfile {
    final char escape;
    final List<Directive> directives;
    final List<Comment> comments;
    final List<Instruction> instructions;
    final List<Instruction> globalArgs;
    final Map<String, String> globalArgDefaults;
    final List<Stage> stages;

    Dockerfile(char escape, List<Directive> directives, List<Comment> comments, List<Instruction> instructions,
            List<Instruction> globalArgs, Map<String, String> globalArgDefaults, List<Stage> stages) {
        this.escape = escape;
        this.directives = List.copyOf(directives);
        this.comments = List.copyOf(comments);
        this.instructions = List.copyOf(instructions);
        this.globalArgs = List.copyOf(globalArgs);
        this.globalArgDefaults = Collections.unmodifiableMap(new LinkedHashMap<>(globalArgDefaults));
        this.stages = List.copyOf(stages);
    }

    static Dockerfile empty() {
        return new Dockerfile('\\', List.of(), List.of(), List.of(), List.of(), Map.of(), List.of());
    }

    public char escape() {
        return escape;
    }

    public List<Directive> directives() {
        return directives;
    }

    public List<Comment> comments() {
        return comments;
    }

    /** Every instruction in file order (ONBUILD triggers are reachable through {@link Instruction#trigger()}). */
    public List<Instruction> instructions() {
        return instructions;
    }

    /** ARG instructions before the first FROM (the only variables FROM lines can use). */
    public List<Instruction> globalArgs() {
        return globalArgs;
    }

    /** Global ARG names to their defaults (null value: declared without default). */
    public Map<String, String> globalArgDefaults() {
        return globalArgDefaults;
    }

    public List<Stage> stages() {
        return stages;
    }

    public boolean isMultiStage() {
        return stages.size() > 1;
    }

    /** The stage {@code docker build} produces by default (the last one), or null when there is no FROM. */
    public Stage finalStage() {
        return stages.isEmpty() ? null : stages.get(stages.size() - 1);
    }

    /**
     * The stages whose layers end up in the final image: the final stage and the stages it is built on
     * ({@code FROM base}), in file order. Stages only copied from ({@code COPY --from}) are not included.
     */
    public List<Stage> shippedStages() {
        Stage f = finalStage();
        if (f == null) {
            return List.of();
        }
        List<Stage> chain = new ArrayList<>(f.chain());
        Collections.reverse(chain);
        return chain;
    }

    /** Stages by lower-case {@code AS} name, the first of a name winning; built on first use. */
    private volatile Map<String, Stage> byName;

    /** The stage with this {@code AS} name (case-insensitive), or null. */
    public Stage stage(String name) {
        Map<String, Stage> m = byName;
        if (m == null) {
            m = new java.util.HashMap<>();
            for (Stage s : stages) {
                if (s.name != null) {
                    m.putIfAbsent(s.name.toLowerCase(Locale.ROOT), s);
                }
            }
            byName = m;
        }
        return m.get(name.toLowerCase(Locale.ROOT));
    }

    /** Named stages compared at most by {@link #nearlyNamed}: real files have a handful. */
    private static final int MAX_NEAR_CANDIDATES = 256;

    /**
     * The stage whose name is within two edits of {@code name} (case-insensitive; the nearest, the first of equals),
     * or null: "did you mean". Only the first named stages are compared, so a generated file with thousands of
     * stages does not cost stages times lookups.
     */
    public Stage nearlyNamed(String name) {
        String want = name.toLowerCase(Locale.ROOT);
        Stage best = null;
        int bestDist = 3;
        int compared = 0;
        for (Stage s : stages) {
            if (s.name == null) {
                continue;
            }
            if (++compared > MAX_NEAR_CANDIDATES) {
                break;
            }
            if (Math.abs(s.name.length() - want.length()) >= bestDist) {
                continue;
            }
            int dist = io.archlens.core.Names.distance(s.name.toLowerCase(Locale.ROOT), want);
            if (dist < bestDist) {
                bestDist = dist;
                best = s;
            }
        }
        return best;
    }

    /** The stage an instruction belongs to, or null for instructions before the first FROM. */
    public Stage stageOf(Instruction ins) {
        return ins.stage;
    }

    public Directive directive(String name) {
        for (Directive d : directives) {
            if (d.name().equalsIgnoreCase(name)) {
                return d;
            }
        }
        return null;
    }
}

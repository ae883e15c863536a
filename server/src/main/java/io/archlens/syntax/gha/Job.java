package io.archlens.syntax.gha;

import io.archlens.core.TextRange;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import java.util.List;

/** One job: its id key (where job-level findings point), its mapping and its steps. */
public record Job(String id, YEntry entry, YMap map, List<Step> steps) {
    public Job {
        steps = List.copyOf(steps);
    }

    public TextRange idRange() {
        return entry.key().range();
    }

    public YNode get(String key) {
        return map.get(key);
    }

    public String text(String key) {
        return map.getText(key);
    }

    /** A job calling a reusable workflow ({@code uses:} instead of {@code steps:}). */
    public boolean callsWorkflow() {
        return map.has("uses");
    }

    /** The job's display name, else its id. */
    public String displayName() {
        String n = text("name");
        return n == null ? id : n;
    }
}

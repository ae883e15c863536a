package io.archlens.analysis;

import io.archlens.filekind.FileKind;
import java.util.Objects;
import java.util.Set;

/**
 * Everything known about a rule without running it. The id is {@code <kind>/<what>} and never changes once
 * released. The documentation page lives at {@code docs/rules/<id>.md} and is the hover explanation.
 */
public record RuleMeta(
        String id,
        String title,
        Severity defaultSeverity,
        Category category,
        FileKind kind,
        boolean fixable,
        Set<Tag> tags) {

    public RuleMeta {
        Objects.requireNonNull(id);
        if (!id.matches("[a-z0-9-]+/[a-z0-9-]+")) {
            throw new IllegalArgumentException("rule id must look like kind/what-is-wrong: " + id);
        }
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    public static RuleMeta of(String id, String title, Severity severity, Category category, FileKind kind) {
        return new RuleMeta(id, title, severity, category, kind, false, Set.of());
    }

    public RuleMeta withFix() {
        return new RuleMeta(id, title, defaultSeverity, category, kind, true, tags);
    }

    public RuleMeta tagged(Tag... t) {
        return new RuleMeta(id, title, defaultSeverity, category, kind, fixable, Set.of(t));
    }

    /** Path of the documentation page relative to {@code docs/rules}. */
    public String docPath() {
        return id + ".md";
    }
}

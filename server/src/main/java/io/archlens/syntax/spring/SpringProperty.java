package io.archlens.syntax.spring;

import io.archlens.core.TextRange;

/**
 * One flattened Spring property as written in one document: {@code key} as spelled in the file (YAML paths
 * joined with dots, list items as {@code [i]}), {@code canonical} its relaxed-binding form (see
 * {@link RelaxedNames}), {@code value} the unescaped scalar ("" when empty or null). {@code keyRange} covers the
 * key as written (for YAML the innermost key; for list items the item), {@code valueRange} the value token
 * (empty range where a value would go when it is missing).
 *
 * @param quoted YAML scalar written quoted or as a block scalar
 * @param flow YAML scalar inside a flow collection ({@code {a: b}} / {@code [a, b]})
 * @param merged reached through a YAML merge key ({@code <<: *base}); ranges point into the anchored node
 * @param exactDuplicate the same key text appears earlier in the same YAML mapping (the YAML parser already
 *     reports that as archlens/duplicate-key)
 */
public record SpringProperty(
        String key,
        String canonical,
        String value,
        TextRange keyRange,
        TextRange valueRange,
        int documentIndex,
        boolean quoted,
        boolean flow,
        boolean merged,
        boolean exactDuplicate) {

    /** True when the value is a plain {@code true} (any case, surrounding blanks ignored). */
    public boolean isTrue() {
        return "true".equalsIgnoreCase(value.trim());
    }

    public boolean isFalse() {
        return "false".equalsIgnoreCase(value.trim());
    }

    /** True when the value refers to another property or the environment ({@code ${...}}). */
    public boolean hasPlaceholder() {
        return value.contains("${");
    }

    /** The last segment of the canonical key, without list indices ({@code maximumpoolsize}). */
    public String lastSegment() {
        return RelaxedNames.lastSegment(canonical);
    }
}

package io.archlens.analysis;

import io.archlens.core.TextRange;

/**
 * One rule silenced by an {@code archlens-ignore} comment (or a model-level annotation).
 * {@code targetLine} is the zero-based line whose findings are suppressed, or -1 for the whole file.
 * {@code idRange} covers the rule id in the comment, where unused/unknown hints point.
 */
public record Suppression(String ruleId, int targetLine, TextRange idRange, String reason) {
    public boolean fileWide() {
        return targetLine < 0;
    }
}

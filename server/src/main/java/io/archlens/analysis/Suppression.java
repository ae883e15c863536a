package io.archlens.analysis;

import io.archlens.core.TextRange;

/**
 * One rule silenced by an {@code archlens-ignore} comment (or a model-level annotation).
 * {@code targetLine} is the zero-based line whose findings are suppressed, or -1 for the whole file.
 * {@code idRange} covers the rule id in the comment, where unused/unknown hints point.
 * {@code scope}, when not null, limits the suppression to findings that start inside that range (e.g. one
 * Kubernetes object of a multi-document file); {@code targetLine} is then ignored.
 */
public record Suppression(String ruleId, int targetLine, TextRange idRange, String reason, TextRange scope) {
    public Suppression(String ruleId, int targetLine, TextRange idRange, String reason) {
        this(ruleId, targetLine, idRange, reason, null);
    }

    /** A suppression for the findings that start inside {@code scope}. */
    public static Suppression scoped(String ruleId, TextRange scope, TextRange idRange, String reason) {
        return new Suppression(ruleId, -1, idRange, reason, scope);
    }

    public boolean fileWide() {
        return targetLine < 0 && scope == null;
    }

    /** True when a finding starting at {@code offset} (on {@code line}) is in this suppression's reach. */
    public boolean reaches(int line, int offset) {
        if (scope != null) {
            return offset >= scope.start() && offset <= scope.end();
        }
        return targetLine < 0 || targetLine == line;
    }
}

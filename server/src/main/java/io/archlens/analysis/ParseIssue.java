package io.archlens.analysis;

import io.archlens.core.TextRange;

/**
 * A problem met while parsing: a syntax error, or a note that a file is only partly analysed. The rule id is
 * one of the core ids in {@link CoreRules} or a kind-specific one registered by the pack.
 */
public record ParseIssue(String ruleId, Severity severity, TextRange range, String message) {
    public static ParseIssue syntax(TextRange range, String message) {
        return new ParseIssue(CoreRules.SYNTAX_ERROR.id(), Severity.ERROR, range, message);
    }

    public static ParseIssue notAnalyzed(TextRange range, String message) {
        return new ParseIssue(CoreRules.NOT_ANALYZED.id(), Severity.HINT, range, message);
    }
}

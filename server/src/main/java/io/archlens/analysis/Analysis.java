package io.archlens.analysis;

import java.util.List;

/** The result of analysing one snapshot: findings sorted by position, and the parsed model (may be null). */
public record Analysis(SourceFile file, List<Finding> findings, Object model) {
    public Analysis {
        findings = List.copyOf(findings);
    }
}

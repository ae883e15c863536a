package io.archlens.analysis;

import java.util.List;

/** What a tolerant parser returns: the model it could build (never null) and the problems it met. */
public record Parsed<M>(M model, List<ParseIssue> issues) {
    public Parsed {
        issues = List.copyOf(issues);
    }
}

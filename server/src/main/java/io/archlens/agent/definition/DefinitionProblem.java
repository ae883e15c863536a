package io.archlens.agent.definition;

import io.archlens.core.TextRange;

/** Something wrong in an agent definition file, at a range of that file. */
public record DefinitionProblem(TextRange range, String message) {
}

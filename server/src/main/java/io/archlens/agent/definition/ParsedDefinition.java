package io.archlens.agent.definition;

import java.util.List;

/** The result of reading one definition file: the definition (null when unusable) and its problems. */
public record ParsedDefinition(AgentDefinition definition, List<DefinitionProblem> problems) {
    public ParsedDefinition {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return definition != null && problems.isEmpty();
    }
}

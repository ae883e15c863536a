package io.archlens.agent.definition;

import io.archlens.filekind.FileKind;
import java.util.Objects;
import java.util.Set;

/**
 * One agent: who it is (name, description), which file kinds it reviews, optional model hints, and the
 * prompt (the markdown body). {@code hash} identifies the exact definition text, so a cached review is
 * invalidated when the definition changes. {@code origin} says where it was read from (for messages).
 */
public record AgentDefinition(
        String name,
        String description,
        Set<FileKind> appliesTo,
        String model,
        Double temperature,
        String prompt,
        String hash,
        String origin) {

    public AgentDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(prompt, "prompt");
        appliesTo = appliesTo == null ? Set.of() : Set.copyOf(appliesTo);
    }

    /** True when the agent reviews files of this kind (an empty applies-to list means every reviewable kind). */
    public boolean appliesTo(FileKind kind) {
        if (kind == FileKind.UNKNOWN || kind == FileKind.AGENT_DEFINITION || kind == FileKind.ARCHLENS_CONFIG) {
            return false;
        }
        return appliesTo.isEmpty() || appliesTo.contains(kind);
    }
}

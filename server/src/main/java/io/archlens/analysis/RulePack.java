package io.archlens.analysis;

import io.archlens.filekind.FileKind;
import java.util.List;

/**
 * The rules for one file kind, with the parser that builds their model. Packs are discovered with
 * {@link java.util.ServiceLoader} (META-INF/services/io.archlens.analysis.RulePack), so adding a kind is
 * adding a pack class and one line there.
 */
public interface RulePack<M> {
    FileKind kind();

    Parser<M> parser();

    List<Rule<M>> rules();

    /** Extra rule metadata the pack's parser reports under (e.g. {@code compose/duplicate-key}). */
    default List<RuleMeta> parserRules() {
        return List.of();
    }

    /**
     * Suppressions written in the model itself (e.g. Kubernetes' {@code archlens.io/ignore} annotation), in
     * addition to the comment syntax every kind has.
     */
    default List<Suppression> modelSuppressions(M model, SourceFile file) {
        return List.of();
    }
}

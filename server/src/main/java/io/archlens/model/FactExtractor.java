package io.archlens.model;

import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import java.util.Set;

/**
 * Reads one file's facts. A pure function of one snapshot and its parsed model (the first rule pack's model
 * for the kind, or null when the caller has none: the extractor then parses what it needs itself). A change
 * to one file re-runs only that file's extractor.
 */
public interface FactExtractor {
    Set<FileKind> kinds();

    void extract(SourceFile file, Object model, FileFacts.Builder out);

    /**
     * False when a look at the text shows the file contributes nothing, so it need not be parsed (indexing reads
     * thousands of source files that hold no fact the model uses). The default: every file may.
     */
    default boolean mayContribute(SourceFile file) {
        return true;
    }
}

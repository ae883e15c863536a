package io.archlens.model;

import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import java.util.Set;

/** TODO: facts from the Spring pack's model once it is in main. */
final class SpringExtractor implements FactExtractor {
    @Override
    public Set<FileKind> kinds() {
        return Set.of(FileKind.SPRING_PROPERTIES,FileKind.SPRING_YAML);
    }

    @Override
    public void extract(SourceFile file, Object model, FileFacts.Builder out) {
    }
}

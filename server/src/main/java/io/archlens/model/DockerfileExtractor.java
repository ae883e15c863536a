package io.archlens.model;

import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import java.util.Set;

/** TODO: facts from the Dockerfile pack's model once it is in main. */
final class DockerfileExtractor implements FactExtractor {
    @Override
    public Set<FileKind> kinds() {
        return Set.of(FileKind.DOCKERFILE);
    }

    @Override
    public void extract(SourceFile file, Object model, FileFacts.Builder out) {
    }
}

package io.archlens.model;

import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import java.util.Set;

/** TODO: facts from the Nginx pack's model once it is in main. */
final class NginxExtractor implements FactExtractor {
    @Override
    public Set<FileKind> kinds() {
        return Set.of(FileKind.NGINX);
    }

    @Override
    public void extract(SourceFile file, Object model, FileFacts.Builder out) {
    }
}

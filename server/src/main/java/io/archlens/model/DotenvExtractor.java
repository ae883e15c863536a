package io.archlens.model;

import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import java.util.Set;

/** TODO: facts from the Dotenv pack's model once it is in main. */
final class DotenvExtractor implements FactExtractor {
    @Override
    public Set<FileKind> kinds() {
        return Set.of(FileKind.DOTENV);
    }

    @Override
    public void extract(SourceFile file, Object model, FileFacts.Builder out) {
    }
}

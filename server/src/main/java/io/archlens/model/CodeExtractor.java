package io.archlens.model;

import io.archlens.analysis.SourceFile;
import io.archlens.code.CodeModel;
import io.archlens.filekind.FileKind;
import java.util.EnumSet;
import java.util.Set;

/**
 * Source code's language-neutral facts ({@link io.archlens.code.CodeFacts}): the configuration it reads, the routes
 * it serves, the ports it listens on, the URLs it calls, the tables it maps. Any pack whose model is a
 * {@link CodeModel} feeds it (Java today; the tree-sitter languages through the same interface). Test code and files
 * no pack parses contribute nothing. Which workload runs the code is decided in the model (the build context the
 * file lies in, see {@link SystemModel.Binding}).
 */
final class CodeExtractor implements FactExtractor {
    /** The source kinds a pack reads into a {@link CodeModel} (or will: a kind without a pack yields no model). */
    static final Set<FileKind> KINDS = EnumSet.of(FileKind.JAVA, FileKind.PYTHON, FileKind.JAVASCRIPT,
            FileKind.TYPESCRIPT, FileKind.GO);

    @Override
    public Set<FileKind> kinds() {
        return KINDS;
    }

    @Override
    public void extract(SourceFile file, Object model, FileFacts.Builder out) {
        if (model instanceof CodeModel cm && !cm.isTest() && !testPath(file.path())) {
            out.code(new SourceFacts.Code(cm.facts()));
        }
    }

    private static boolean testPath(String path) {
        String p = "/" + path.replace('\\', '/');
        return p.contains("/src/test/") || p.contains("/test/") || p.contains("/tests/") || p.contains("/__tests__/");
    }
}

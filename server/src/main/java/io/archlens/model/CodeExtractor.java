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

    /**
     * Words one of which every Java fact the model uses needs in the text (environment and property reads, request
     * mappings, bound ports, URL literals, entities and repositories; precise enough that license headers and
     * {@code ResponseEntity} imports do not count): a file without any is not parsed when indexing.
     * Other languages are always parsed.
     */
    private static final java.util.List<String> JAVA_MARKERS = java.util.List.of("getenv", "getProperty", "@Value",
            "Mapping", "setPort", "setDefaultProperties", "ServerSocket", "InetSocketAddress", "\"http", "@Entity",
            "persistence.Entity", "Repository<");

    @Override
    public boolean mayContribute(SourceFile file) {
        if (file.text().length() > CodeModel.MAX_SOURCE_CHARS) {
            return false; // not parsed by any language: no facts (and no seconds spent finding that out)
        }
        if (file.kind() != FileKind.JAVA) {
            return true;
        }
        if (testPath(file.path())) {
            return false;
        }
        String t = file.text();
        for (String m : JAVA_MARKERS) {
            if (t.contains(m)) {
                return true;
            }
        }
        return false;
    }

    private static boolean testPath(String path) {
        String p = "/" + path.replace('\\', '/');
        return p.contains("/src/test/") || p.contains("/test/") || p.contains("/tests/") || p.contains("/__tests__/");
    }
}

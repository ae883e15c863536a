package io.archlens.rules.compose;

import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.FileCache;
import io.archlens.syntax.compose.ComposeService;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.DockerfileParser;
import io.archlens.syntax.dockerfile.Instruction;
import io.archlens.syntax.dockerfile.Stage;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import java.nio.file.Path;

/**
 * The Dockerfile a Compose service builds ({@code build: ./api}, {@code build: {context, dockerfile, target}}),
 * read from disk next to the Compose file and cached ({@link FileCache}). Null when the service does not build,
 * the file is not saved to disk, the path uses variables or a remote context, or the Dockerfile cannot be read.
 */
final class ComposeBuilds {
    private static final DockerfileParser PARSER = new DockerfileParser();
    private static final FileCache<Dockerfile> CACHE = new FileCache<>(64, 1 << 20, (p, text) -> PARSER.parse(
            new SourceFile(p.toUri().toString(), p.toString(), text, FileKind.DOCKERFILE, 0)).model());

    private ComposeBuilds() {
    }

    static Dockerfile dockerfile(SourceFile compose, ComposeService s) {
        Path p = path(compose, s);
        return p == null ? null : CACHE.get(p);
    }

    /** Where the Dockerfile the service builds is on disk, or null (see the class comment). */
    static Path path(SourceFile compose, ComposeService s) {
        YNode build = s.value("build");
        String context;
        String file = "Dockerfile";
        if (build instanceof YScalar sc && !sc.isNull()) {
            context = sc.value().strip();
        } else if (build instanceof YMap m) {
            context = m.getText("context") == null ? "." : m.getText("context").strip();
            if (m.get("dockerfile_inline") != null) {
                return null;
            }
            if (m.getText("dockerfile") != null) {
                file = m.getText("dockerfile").strip();
            }
        } else {
            return null;
        }
        Path local = compose.localPath();
        if (local == null || local.getParent() == null || context.contains("$") || file.contains("$")
                || context.contains("://") || context.startsWith("git@")) {
            return null;
        }
        return local.getParent().resolve(context).resolve(file).normalize();
    }

    /** The build target ({@code build.target}), or null. */
    static String target(ComposeService s) {
        return s.value("build") instanceof YMap m && m.getText("target") != null ? m.getText("target").strip() : null;
    }

    /** The stage the service runs: its build target, else the last stage. */
    static Stage stage(Dockerfile d, ComposeService s) {
        String t = target(s);
        return t == null ? d.finalStage() : d.stage(t);
    }

    /** Whether the image built for the service declares a HEALTHCHECK (the last one in its stage chain decides). */
    static boolean healthcheck(Dockerfile d, ComposeService s) {
        for (Stage st = stage(d, s); st != null; st = st.parent()) {
            Instruction h = st.last("HEALTHCHECK");
            if (h != null) {
                return !h.args().strip().toUpperCase(java.util.Locale.ROOT).startsWith("NONE");
            }
        }
        return false;
    }
}

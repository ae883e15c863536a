package io.archlens.rules.arch;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.model.Facts.FileRef;
import io.archlens.model.ProjectReporter;
import io.archlens.model.ProjectRule;
import io.archlens.model.SystemModel;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A Compose {@code build:} context folder, or the Dockerfile in it, does not exist. */
public final class BuildContextMissing implements ProjectRule {
    static final RuleMeta META = RuleMeta.of("arch/build-context-missing",
            "A Compose build context or Dockerfile does not exist", Severity.ERROR, Category.RELIABILITY, null);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SystemModel model, ProjectReporter out) {
        Set<String> missingContexts = new HashSet<>();
        for (FileRef r : model.missingRefs()) {
            if (r.kind() == FileRef.Kind.BUILD_CONTEXT) {
                missingContexts.add(r.target());
                out.report(r.loc(), "Build context '" + r.target() + "' does not exist; 'docker compose build' fails, "
                        + "point build: at the folder with the Dockerfile", List.of());
            }
        }
        for (FileRef r : model.missingRefs()) {
            if (r.kind() == FileRef.Kind.DOCKERFILE && !missingContexts.contains(io.archlens.model.Paths.parent(r.target()))) {
                boolean inContext = false;
                for (String c : missingContexts) {
                    if (io.archlens.model.Paths.under(r.target(), c)) {
                        inContext = true;
                    }
                }
                if (!inContext) {
                    out.report(r.loc(), "Dockerfile '" + r.target() + "' does not exist; 'docker compose build' fails, "
                            + "name the Dockerfile that is in the build context", List.of());
                }
            }
        }
    }
}

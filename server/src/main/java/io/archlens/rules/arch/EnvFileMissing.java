package io.archlens.rules.arch;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.model.Facts.FileRef;
import io.archlens.model.ProjectReporter;
import io.archlens.model.ProjectRule;
import io.archlens.model.SystemModel;
import java.util.List;

/** A Compose {@code env_file:} names a file that does not exist (and is not marked {@code required: false}). */
public final class EnvFileMissing implements ProjectRule {
    static final RuleMeta META = RuleMeta.of("arch/env-file-missing",
            "A Compose env_file does not exist", Severity.ERROR, Category.RELIABILITY, null);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SystemModel model, ProjectReporter out) {
        for (FileRef r : model.missingRefs()) {
            if (r.kind() == FileRef.Kind.ENV_FILE) {
                out.report(r.loc(), "env_file '" + r.target() + "' does not exist; 'docker compose up' fails, create it "
                        + "(commit an example and document how to fill it) or mark it 'required: false'", List.of());
            }
        }
    }
}

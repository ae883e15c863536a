package io.archlens.model;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import java.util.List;

/**
 * A cross-file rule: one check over the whole {@link SystemModel}. Ids are {@code arch/<what-is-wrong>}; findings
 * are attached to one file and carry {@link io.archlens.analysis.Related} locations in the other files. They go
 * through the same settings and suppressions as per-file findings. Rules are discovered with ServiceLoader
 * ({@code META-INF/services/io.archlens.model.ProjectRule}); implementations are stateless and never do I/O
 * (file existence is resolved when the model is built).
 */
public interface ProjectRule {
    String PREFIX = "arch";

    /** Reported by the engine, not by a rule: the findings of some rules depend on context that is not declared. */
    RuleMeta MISSING_CONTEXT = new RuleMeta("arch/missing-context",
            "Some cross-file checks need project context that .archlens.yml does not declare", Severity.INFO,
            Category.MAINTAINABILITY, null, false, java.util.Set.of());

    /** Rules the engine itself reports under (registered whenever project rules are). */
    List<RuleMeta> ENGINE_RULES = List.of(MISSING_CONTEXT);

    RuleMeta meta();

    void check(SystemModel model, ProjectReporter out);
}

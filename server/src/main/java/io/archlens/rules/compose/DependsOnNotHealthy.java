package io.archlens.rules.compose;

import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.compose.ComposeFile;
import io.archlens.syntax.compose.ComposeService;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YSeq;
import java.util.List;

/**
 * {@code depends_on} without {@code condition: service_healthy}: Compose only waits until the dependency's
 * container has started. The fix adds the condition (converting the list form to the map form, keeping
 * {@code service_started} for dependencies that have no healthcheck, which could never become healthy).
 */
public final class DependsOnNotHealthy implements Rule<ComposeFile> {
    private static final RuleMeta META = RuleMeta.of("compose/depends-on-not-healthy",
            "depends_on does not wait for the dependency to be healthy", Severity.WARNING, Category.RELIABILITY,
            FileKind.COMPOSE).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(ComposeFile f, RuleContext ctx) {
        for (ComposeService s : f.services()) {
            List<ComposeService.Dependency> deps = s.dependencies();
            for (ComposeService.Dependency d : deps) {
                if (d.condition() != null && !d.condition().equals("service_started")) {
                    continue;
                }
                ComposeService target = f.service(d.service());
                if (target == null) {
                    continue;
                }
                if (!target.effective().hasHealthcheck()) {
                    // one cause, one finding: the missing healthcheck is compose/dependency-without-healthcheck's,
                    // reported at the dependency with this entry as a related location
                    continue;
                }
                Edit edit = fix(f, s, d, deps);
                String msg = "'" + s.name() + "' starts as soon as the '" + d.service() + "' container has started, "
                        + "not when it is ready; add condition: service_healthy (" + d.service() + " has a healthcheck)";
                if (edit == null) {
                    ctx.report(d.node().range(), msg);
                } else {
                    ctx.report(d.node().range(), msg, Fix.safe("Wait until '" + d.service()
                            + "' is healthy (condition: service_healthy)", edit));
                }
            }
        }
    }

    private static Edit fix(ComposeFile f, ComposeService s, ComposeService.Dependency d,
            List<ComposeService.Dependency> all) {
        if (d.entry() != null) {
            if (d.body() == null) {
                YMap depMap = s.value("depends_on").asMap();
                return depMap == null ? null : f.edits().replaceValue(depMap, d.entry(), "condition: service_healthy");
            }
            if (d.body().get("condition") instanceof YScalar c) {
                return f.edits().replaceScalar(c, "service_healthy");
            }
            return f.edits().insertEntries(d.body(), "condition: service_healthy");
        }
        YEntry dependsOn = s.map().entry("depends_on");
        if (dependsOn == null || !(dependsOn.value() instanceof YSeq)) {
            return null;
        }
        StringBuilder template = new StringBuilder();
        for (ComposeService.Dependency each : all) {
            ComposeService t = f.service(each.service());
            boolean healthy = t != null && t.effective().hasHealthcheck();
            template.append(each.service()).append(":\n  condition: ")
                    .append(healthy ? "service_healthy" : "service_started").append('\n');
        }
        return f.edits().replaceValue(s.map(), dependsOn, template.toString());
    }
}

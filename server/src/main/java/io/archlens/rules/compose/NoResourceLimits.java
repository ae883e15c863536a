package io.archlens.rules.compose;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.compose.ComposeFile;
import io.archlens.syntax.compose.ComposeService;
import java.util.ArrayList;
import java.util.List;

/** No memory or CPU limit: one leaking or busy service can starve everything else on the host. */
public final class NoResourceLimits implements Rule<ComposeFile> {
    private static final RuleMeta META = RuleMeta.of("compose/no-resource-limits", "Service has no memory or CPU limit",
            Severity.INFO, Category.RELIABILITY, FileKind.COMPOSE);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(ComposeFile f, RuleContext ctx) {
        for (ComposeService s : ComposeSupport.fullyVisible(f)) {
            boolean memory = ComposeSupport.hasLimit(s, "mem_limit", null, "memory");
            boolean cpu = ComposeSupport.hasLimit(s, "cpus", "cpu_quota", "cpus");
            boolean pids = ComposeSupport.hasLimit(s, "pids_limit", null, "pids");
            if (memory && cpu) {
                continue;
            }
            List<String> missing = new ArrayList<>();
            if (!memory) {
                missing.add("memory");
            }
            if (!cpu) {
                missing.add("cpus");
            }
            if (!pids) {
                missing.add("pids");
            }
            ctx.report(s.nameRange(), "Service '" + s.name() + "' has no " + String.join("/", missing.subList(0,
                    Math.min(2, missing.size()))) + " limit: a leak or a busy loop can starve every other service on "
                    + "the host; set deploy.resources.limits (" + String.join(", ", missing) + ")");
        }
    }
}

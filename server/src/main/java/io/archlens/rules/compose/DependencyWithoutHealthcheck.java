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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A service others {@code depends_on} has no healthcheck, so they can only wait for "started", not "ready". */
public final class DependencyWithoutHealthcheck implements Rule<ComposeFile> {
    private static final RuleMeta META = RuleMeta.of("compose/dependency-without-healthcheck",
            "A service others depend on has no healthcheck", Severity.WARNING, Category.RELIABILITY, FileKind.COMPOSE);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(ComposeFile f, RuleContext ctx) {
        Map<String, List<String>> dependants = new LinkedHashMap<>();
        for (ComposeService s : f.services()) {
            for (ComposeService.Dependency d : s.dependencies()) {
                if (!d.completed()) {
                    List<String> list = dependants.computeIfAbsent(d.service(), k -> new ArrayList<>());
                    if (!list.contains(s.name())) {
                        list.add(s.name());
                    }
                }
            }
        }
        for (ComposeService s : f.services()) {
            List<String> who = dependants.get(s.name());
            if (who == null || s.hasHealthcheck()) {
                continue;
            }
            ctx.report(s.nameRange(), "Service '" + s.name() + "' has no healthcheck but " + quoted(who)
                    + (who.size() == 1 ? " depends" : " depend") + " on it: dependants start before it accepts "
                    + "connections; add a healthcheck so they can wait with condition: service_healthy");
        }
    }

    private static String quoted(List<String> names) {
        List<String> q = new ArrayList<>();
        for (String n : names) {
            q.add("'" + n + "'");
        }
        return String.join(", ", q);
    }
}

package io.archlens.rules.compose;

import io.archlens.analysis.Category;
import io.archlens.analysis.Related;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.compose.ComposeFile;
import io.archlens.syntax.compose.ComposeService;
import java.util.ArrayList;
import java.util.List;

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
        for (ComposeService s : f.services()) {
            List<String> who = f.dependantsOf(s.name());
            if (who.isEmpty() || s.partial() || s.effective().hasHealthcheck()) {
                continue;
            }
            ctx.report(s.nameRange(), "Service '" + s.name() + "' has no healthcheck but " + quoted(who)
                    + (who.size() == 1 ? " depends" : " depend") + " on it: dependants start before it accepts "
                    + "connections; add a healthcheck so they can wait with condition: service_healthy",
                    List.of(), dependencies(f, s.name(), ctx));
        }
    }

    /** The depends_on entries that wait for {@code name}, as related locations. */
    private static List<Related> dependencies(ComposeFile f, String name, RuleContext ctx) {
        List<Related> out = new ArrayList<>();
        var lines = ctx.file().lines();
        for (ComposeService s : f.services()) {
            for (ComposeService.Dependency d : s.dependencies()) {
                if (d.service().equals(name)) {
                    out.add(new Related(ctx.file().uri(), lines.position(d.node().range().start()),
                            lines.position(d.node().range().end()), "'" + s.name() + "' waits for it here, only until "
                            + "its container has started"));
                }
            }
        }
        return out;
    }

    private static String quoted(List<String> names) {
        List<String> q = new ArrayList<>();
        for (String n : names) {
            q.add("'" + n + "'");
        }
        return String.join(", ", q);
    }
}

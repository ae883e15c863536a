package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.Stage;
import java.util.Locale;

/** Two stages with the same {@code AS} name: BuildKit refuses the file, and readers cannot tell which is meant. */
final class DuplicateStageName implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("duplicate-stage-name", "Two build stages share a name",
            Severity.ERROR, Category.RELIABILITY);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        java.util.Map<String, Stage> seen = new java.util.HashMap<>();
        for (Stage s : d.stages()) {
            if (s.name() == null || s.nameRange() == null) {
                continue;
            }
            Stage first = seen.putIfAbsent(s.name().toLowerCase(Locale.ROOT), s);
            if (first != null) {
                ctx.report(s.nameRange(), "Stage name '" + s.name() + "' is already used on line "
                        + (first.from().line() + 1) + " (stage names are case-insensitive): docker build fails with "
                        + "'duplicate stage name'; rename one of them");
            }
        }
    }
}

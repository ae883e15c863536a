package io.archlens.rules.gha;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.gha.Workflow;
import io.archlens.syntax.yaml.YEntry;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YSeq;

/**
 * A Dependabot updater without a cooldown of at least a week ({@code cooldown: default-days}): every release is
 * proposed the day it is published, before a compromised one has been noticed and pulled, and an auto-merge
 * takes it straight into the build.
 */
public final class DependabotNoCooldown implements Rule<Workflow> {
    static final RuleMeta META = RuleMeta.of("gha/dependabot-no-cooldown",
            "Dependabot proposes releases the day they are published", Severity.WARNING, Category.SECURITY,
            FileKind.GITHUB_ACTIONS);

    static final int DAYS = 7;

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Workflow w, RuleContext ctx) {
        if (!w.dependabot()) {
            return;
        }
        for (YNode item : ((YSeq) w.root().get("updates")).items()) {
            if (!(item instanceof YMap u) || groupCooldown(w, u)) {
                continue;
            }
            YEntry cooldown = u.entry("cooldown");
            String eco = u.getText("package-ecosystem") == null ? "this updater" : u.getText("package-ecosystem");
            if (cooldown == null) {
                YEntry at = u.entry("package-ecosystem") != null ? u.entry("package-ecosystem") : u.entries().get(0);
                ctx.report(at.key().range(), "No cooldown for " + eco + ": Dependabot proposes each release the day"
                        + " it is published, before a compromised one is noticed and pulled; add cooldown:"
                        + " default-days: " + DAYS);
                continue;
            }
            YNode days = cooldown.value() instanceof YMap cm ? cm.get("default-days") : null;
            if (days == null) {
                ctx.report(cooldown.key().range(), "cooldown without default-days leaves most " + eco + " releases"
                        + " without a delay; set default-days: " + DAYS);
            } else if (days instanceof YScalar d && d.asLong() != null && d.asLong() < DAYS) {
                ctx.report(d.range(), "A cooldown of " + d.asLong() + " day(s) is shorter than the time compromised"
                        + " releases usually stay published; use default-days: " + DAYS + " or more");
            }
        }
    }

    /** The updater belongs to a multi-ecosystem group that sets a cooldown. */
    private static boolean groupCooldown(Workflow w, YMap u) {
        String group = u.getText("multi-ecosystem-group");
        return group != null && w.root().at("multi-ecosystem-groups", group, "cooldown") != null;
    }
}

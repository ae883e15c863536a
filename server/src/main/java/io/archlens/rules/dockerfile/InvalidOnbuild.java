package io.archlens.rules.dockerfile;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.dockerfile.Dockerfile;
import io.archlens.syntax.dockerfile.Instruction;
import java.util.List;

/** {@code ONBUILD ONBUILD}, {@code ONBUILD FROM} and {@code ONBUILD MAINTAINER}: Docker rejects these triggers. */
final class InvalidOnbuild implements Rule<Dockerfile> {
    static final RuleMeta META = Docker.meta("invalid-onbuild", "ONBUILD trigger Docker does not allow",
            Severity.ERROR, Category.RELIABILITY);
    private static final List<String> FORBIDDEN = List.of("ONBUILD", "FROM", "MAINTAINER");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Dockerfile d, RuleContext ctx) {
        for (Instruction i : d.instructions()) {
            Instruction t = i.is("ONBUILD") ? i.trigger() : null;
            if (t != null && FORBIDDEN.contains(t.keyword())) {
                ctx.report(t.keywordRange(), "ONBUILD " + t.keyword() + " is not allowed: Docker rejects the "
                        + "instruction (chaining ONBUILD and running FROM or MAINTAINER as a trigger are forbidden); "
                        + "remove it or move the instruction out of ONBUILD");
            }
        }
    }
}

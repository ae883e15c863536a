package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclAttribute;
import io.archlens.syntax.hcl.HclBlock;
import io.archlens.syntax.hcl.HclFile;

/**
 * A production RDS instance in one availability zone. Production comes from the project context
 * ({@code context.stage}), or, when no stage is declared, from the resource's Environment/Stage tag.
 */
public final class RdsSingleAz implements Rule<HclFile> {
    static final RuleMeta META = RuleMeta.of("tf/rds-single-az",
            "Production database runs in a single availability zone", Severity.WARNING, Category.RELIABILITY,
            FileKind.TERRAFORM).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(HclFile f, RuleContext ctx) {
        for (HclBlock b : f.resources("aws_db_instance")) {
            if (Rds.auroraMember(b) || b.value("replicate_source_db") != null || !Tf.production(ctx, f, b)) {
                continue;
            }
            HclAttribute a = b.attr("multi_az");
            String why = ": an AZ outage or a host failure means downtime until a restore, and every patch window"
                    + " is an outage; set multi_az = true (a standby in a second zone, automatic failover)";
            if (a == null) {
                Tf.report(ctx, b.nameRange(), "Production database " + b.label(1) + " does not set multi_az" + why,
                        Tf.addAttribute(ctx.file(), b, "multi_az = true", false));
            } else if (Boolean.FALSE.equals(Tf.bool(a.value()))) {
                Tf.report(ctx, a.value().range(), "Production database " + b.label(1) + " has multi_az = false"
                        + why, Tf.setValue(a, "true", false));
            }
        }
    }
}

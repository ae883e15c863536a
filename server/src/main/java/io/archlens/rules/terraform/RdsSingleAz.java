package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclBlock;
import java.util.List;

/**
 * A production RDS instance in one availability zone. Production comes from the project context
 * ({@code context.stage}), else from the resource's Environment/Stage tag, else the strict profile assumes it
 * ({@link ProdStage}).
 */
public final class RdsSingleAz extends EvaluatedRule {
    static final RuleMeta META = RuleMeta.of("tf/rds-single-az",
            "Production database runs in a single availability zone", Severity.WARNING, Category.RELIABILITY,
            FileKind.TERRAFORM).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    List<String> types() {
        return List.of("aws_db_instance");
    }

    @Override
    void judge(Subject s) {
        HclBlock b = s.block();
        if (Rds.auroraMember(s) || b.value("replicate_source_db") != null) {
            return;
        }
        ProdStage stage = ProdStage.of(s);
        if (!stage.judged()) {
            return;
        }
        Subject.Attr a = s.attr("multi_az");
        String basis = stage.suffix();
        String why = ": an AZ outage or a host failure means downtime until a restore, and every patch window"
                + " is an outage; set multi_az = true (a standby in a second zone, automatic failover)";
        if (a == null) {
            s.missing("Production database " + b.label(1) + " does not set multi_az" + why + basis,
                    s.addAttribute(b, "multi_az = true", false));
        } else if (a.isFalse()) {
            s.bad(a, "Production database " + b.label(1) + " has multi_az = false" + why + basis,
                    Tf.setValue(a.attr(), "true", false));
        }
    }
}

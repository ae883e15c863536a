package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclBlock;
import java.util.List;

/** Databases that one {@code terraform destroy} (or a renamed resource) can delete. */
public final class RdsNoDeletionProtection extends EvaluatedRule {
    static final RuleMeta META = RuleMeta.of("tf/rds-no-deletion-protection",
            "Database has no deletion protection", Severity.WARNING, Category.RELIABILITY,
            FileKind.TERRAFORM).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    List<String> types() {
        return List.of("aws_db_instance", "aws_rds_cluster");
    }

    @Override
    void judge(Subject s) {
        HclBlock b = s.block();
        if (Rds.clusterMember(s)) {
            return;
        }
        Subject.Attr a = s.attr("deletion_protection");
        String why = ": a destroy, a replacement forced by a changed argument or a renamed resource deletes the"
                + " database; set deletion_protection = true";
        if (a == null) {
            s.missing("The " + Rds.kind(b) + " " + b.label(1) + " does not enable deletion_protection" + why,
                    s.addAttribute(b, "deletion_protection = true", true));
        } else if (a.isFalse()) {
            s.bad(a, "deletion_protection = false on " + b.label(1) + why, Tf.setValue(a.attr(), "true", false));
        }
    }
}

package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclBlock;
import java.util.List;

/** RDS instances (and Aurora cluster instances) with a public endpoint. */
public final class RdsPubliclyAccessible extends EvaluatedRule {
    static final RuleMeta META = RuleMeta.of("tf/rds-publicly-accessible",
            "Database instance is reachable from the internet", Severity.ERROR, Category.SECURITY,
            FileKind.TERRAFORM).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    List<String> types() {
        return List.of("aws_db_instance", "aws_rds_cluster_instance");
    }

    @Override
    void judge(Subject s) {
        Subject.Attr a = s.attr("publicly_accessible");
        if (a != null && a.isTrue()) {
            s.bad(a, "Database " + s.name() + " gets a public IP and DNS name:"
                    + " only its security group stands between the internet and the database; set"
                    + " publicly_accessible = false and reach it through the VPC (bastion, VPN, SSM)",
                    Tf.setValue(a.attr(), "false", false));
        }
    }
}

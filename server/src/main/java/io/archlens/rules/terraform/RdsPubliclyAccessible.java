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
import java.util.ArrayList;
import java.util.List;

/** RDS instances (and Aurora cluster instances) with a public endpoint. */
public final class RdsPubliclyAccessible implements Rule<HclFile> {
    static final RuleMeta META = RuleMeta.of("tf/rds-publicly-accessible",
            "Database instance is reachable from the internet", Severity.ERROR, Category.SECURITY,
            FileKind.TERRAFORM).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(HclFile f, RuleContext ctx) {
        List<HclBlock> dbs = new ArrayList<>(f.resources("aws_db_instance"));
        dbs.addAll(f.resources("aws_rds_cluster_instance"));
        for (HclBlock b : dbs) {
            HclAttribute a = b.attr("publicly_accessible");
            if (a != null && Boolean.TRUE.equals(Tf.bool(a.value()))) {
                Tf.report(ctx, a.value().range(), "Database " + b.label(1) + " gets a public IP and DNS name:"
                        + " only its security group stands between the internet and the database; set"
                        + " publicly_accessible = false and reach it through the VPC (bastion, VPN, SSM)",
                        Tf.setValue(a, "false", false));
            }
        }
    }
}

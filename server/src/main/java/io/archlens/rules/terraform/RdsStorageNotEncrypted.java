package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclBlock;
import java.util.List;

/** RDS instances and Aurora clusters whose storage is not encrypted at rest. */
public final class RdsStorageNotEncrypted extends EvaluatedRule {
    static final RuleMeta META = RuleMeta.of("tf/rds-storage-not-encrypted",
            "Database storage is not encrypted at rest", Severity.ERROR, Category.SECURITY,
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
        if (Rds.inherits(b) || Rds.clusterMember(s)) {
            return;
        }
        Subject.Attr mode = s.attr("engine_mode");
        if (mode != null && "serverless".equals(mode.str())) {
            return; // Aurora Serverless v1 is always encrypted
        }
        Subject.Attr a = s.attr("storage_encrypted");
        String why = ": snapshots, replicas and the underlying volumes hold the data in clear; encryption can"
                + " only be chosen at creation (changing it replaces the database), so set"
                + " storage_encrypted = true (with kms_key_id for your own key) before it holds data";
        if (a == null) {
            s.missing("The " + Rds.kind(b) + " " + b.label(1) + " does not set storage_encrypted (default false)" + why,
                    s.addAttribute(b, "storage_encrypted = true", false));
        } else if (a.isFalse()) {
            s.bad(a, "The " + Rds.kind(b) + " " + b.label(1) + " has storage_encrypted = false" + why,
                    Tf.setValue(a.attr(), "true", false));
        }
    }
}

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

/** RDS instances and Aurora clusters whose storage is not encrypted at rest. */
public final class RdsStorageNotEncrypted implements Rule<HclFile> {
    static final RuleMeta META = RuleMeta.of("tf/rds-storage-not-encrypted",
            "Database storage is not encrypted at rest", Severity.ERROR, Category.SECURITY,
            FileKind.TERRAFORM).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(HclFile f, RuleContext ctx) {
        for (HclBlock b : Rds.storageOwners(f)) {
            if (Rds.inherits(b) || b.label(0).equals("aws_db_instance") && Rds.auroraMember(b)) {
                continue;
            }
            if ("serverless".equals(Tf.attrStr(b, "engine_mode"))) {
                continue; // Aurora Serverless v1 is always encrypted
            }
            HclAttribute a = b.attr("storage_encrypted");
            String why = ": snapshots, replicas and the underlying volumes hold the data in clear; encryption can"
                    + " only be chosen at creation (changing it replaces the database), so set"
                    + " storage_encrypted = true (with kms_key_id for your own key) before it holds data";
            if (a == null) {
                Tf.report(ctx, b.nameRange(), "The " + Rds.kind(b) + " " + b.label(1)
                        + " does not set storage_encrypted (default false)" + why,
                        Tf.addAttribute(ctx.file(), b, "storage_encrypted = true", false));
            } else if (Boolean.FALSE.equals(Tf.bool(a.value()))) {
                Tf.report(ctx, a.value().range(), "The " + Rds.kind(b) + " " + b.label(1)
                        + " has storage_encrypted = false" + why, Tf.setValue(a, "true", false));
            }
        }
    }
}

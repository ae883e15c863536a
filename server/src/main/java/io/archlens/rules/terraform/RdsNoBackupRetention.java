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

/** Automated backups disabled (retention 0) or left at the one-day default. */
public final class RdsNoBackupRetention implements Rule<HclFile> {
    static final RuleMeta META = RuleMeta.of("tf/rds-no-backup-retention",
            "Database has no (or only one day of) automated backups", Severity.WARNING, Category.RELIABILITY,
            FileKind.TERRAFORM).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(HclFile f, RuleContext ctx) {
        for (HclBlock b : Rds.storageOwners(f)) {
            if (b.value("replicate_source_db") != null
                    || b.label(0).equals("aws_db_instance") && Rds.auroraMember(b)) {
                continue;
            }
            HclAttribute a = b.attr("backup_retention_period");
            if (a == null) {
                Tf.report(ctx, b.nameRange(), "The " + Rds.kind(b) + " " + b.label(1)
                        + " does not set backup_retention_period: the default keeps one day, so a mistake noticed"
                        + " after a weekend cannot be undone; keep at least 7 days",
                        Tf.addAttribute(ctx.file(), b, "backup_retention_period = 7", true));
                continue;
            }
            Double days = Tf.num(a.value());
            if (days != null && days < 1) {
                Tf.report(ctx, a.value().range(), "backup_retention_period = 0 turns off automated backups and"
                        + " point-in-time recovery for " + b.label(1) + "; keep at least 7 days",
                        Tf.setValue(a, "7", false));
            }
        }
    }
}

package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclBlock;
import java.util.List;

/**
 * Automated backups disabled (retention 0) or left at the one-day default; a retention above the 35 days RDS accepts
 * (the apply fails).
 */
public final class RdsNoBackupRetention extends EvaluatedRule {
    static final RuleMeta META = RuleMeta.of("tf/rds-no-backup-retention",
            "Database has no (or only one day of) automated backups", Severity.WARNING, Category.RELIABILITY,
            FileKind.TERRAFORM).withFix();

    /** The longest automated backup retention RDS accepts, in days. */
    private static final int MAX_DAYS = 35;

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
        if (b.value("replicate_source_db") != null || Rds.clusterMember(s)) {
            return;
        }
        Subject.Attr a = s.attr("backup_retention_period");
        if (a == null) {
            s.missing("The " + Rds.kind(b) + " " + b.label(1)
                    + " does not set backup_retention_period: the default keeps one day, so a mistake noticed"
                    + " after a weekend cannot be undone; keep at least 7 days",
                    s.addAttribute(b, "backup_retention_period = 7", true));
            return;
        }
        Double days = a.num();
        if (days != null && days < 1) {
            s.bad(a, "backup_retention_period = 0 turns off automated backups and point-in-time recovery for "
                    + b.label(1) + "; keep at least 7 days", Tf.setValue(a.attr(), "7", false));
        } else if (days != null && days > MAX_DAYS) {
            s.bad(a, "backup_retention_period = " + a.value().str() + " on " + b.label(1) + " is more than the "
                    + MAX_DAYS + " days RDS allows: the plan or apply fails; set at most 35 (keep longer copies"
                    + " with AWS Backup or manual snapshots)", Tf.setValue(a.attr(), "35", false));
        }
    }
}

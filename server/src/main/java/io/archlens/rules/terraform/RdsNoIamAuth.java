package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclBlock;
import java.util.List;
import java.util.Locale;

/**
 * A MySQL/PostgreSQL/MariaDB database that only knows password logins: {@code iam_database_authentication_enabled
 * = false}, or not set on a production database ({@link ProdStage}: context stage, else Environment/Stage tags, else
 * assumed under the strict profile).
 */
public final class RdsNoIamAuth extends EvaluatedRule {
    static final RuleMeta META = RuleMeta.of("tf/rds-no-iam-auth",
            "Database does not enable IAM authentication", Severity.INFO, Category.SECURITY, FileKind.TERRAFORM);

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
        Subject.Attr engine = s.attr("engine");
        // an aws_rds_cluster without engine is Aurora MySQL
        String e = engine == null ? (s.type().equals("aws_rds_cluster") ? "aurora" : null) : engine.str();
        String lower = e == null ? "" : e.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("aurora") || lower.contains("mysql") || lower.contains("postgres")
                || lower.contains("mariadb"))) {
            return; // other engines (SQL Server, Oracle) have no IAM authentication
        }
        Subject.Attr a = s.attr("iam_database_authentication_enabled");
        String why = ": applications and people log in with long-lived passwords; with IAM authentication they use"
                + " 15-minute tokens from their role, revoked with the role";
        ProdStage stage = a == null ? ProdStage.of(s) : null;
        if (stage != null && stage.judged()) {
            s.missing("The " + Rds.kind(b) + " " + b.label(1) + " does not set iam_database_authentication_enabled"
                    + why + " (reported for production databases only"
                    + (stage.note().isEmpty() ? "" : "; " + stage.note()) + ")", null);
        } else if (a != null && a.isFalse()) {
            s.bad(a, "iam_database_authentication_enabled = false on " + b.label(1) + why, null);
        }
    }
}

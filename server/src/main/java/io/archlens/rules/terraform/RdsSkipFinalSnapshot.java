package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclBlock;
import java.util.List;

/** A database destroyed without a final snapshot, its automated backups deleted with it. */
public final class RdsSkipFinalSnapshot extends EvaluatedRule {
    static final RuleMeta META = RuleMeta.of("tf/rds-skip-final-snapshot",
            "Database is destroyed without a final snapshot", Severity.WARNING, Category.RELIABILITY,
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
        if (b.value("replicate_source_db") != null || Rds.clusterMember(s)) {
            return;
        }
        Subject.Attr a = s.attr("skip_final_snapshot");
        if (a != null && a.isTrue()) {
            Subject.Attr keep = s.attr("delete_automated_backups");
            boolean backupsGo = keep == null || !keep.isFalse();
            s.bad(a, "skip_final_snapshot = true on " + b.label(1) + ": a destroy or a replacement deletes the data"
                    + (backupsGo ? " and, with delete_automated_backups left at true, its automated backups too" : "")
                    + "; set skip_final_snapshot = false with a final_snapshot_identifier",
                    Tf.setValue(a.attr(), "false", false));
        }
    }
}

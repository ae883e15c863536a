package io.archlens.rules.terraform;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.hcl.HclBlock;
import java.util.List;

/** A DynamoDB table without point-in-time recovery: no backup to restore a bad write or delete from. */
public final class DynamoDbNoPitr extends EvaluatedRule {
    static final RuleMeta META = RuleMeta.of("tf/dynamodb-no-pitr",
            "DynamoDB table has no point-in-time recovery", Severity.INFO, Category.RELIABILITY, FileKind.TERRAFORM);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    List<String> types() {
        return List.of("aws_dynamodb_table");
    }

    @Override
    void judge(Subject s) {
        HclBlock pitr = s.block(s.block(), "point_in_time_recovery");
        Subject.Attr on = pitr == null ? null : s.attr(pitr, "enabled");
        String why = ": a bad deploy, a script or a person that overwrites or deletes items cannot be undone (no"
                + " continuous backup to restore to the second before); set point_in_time_recovery { enabled = true }"
                + " unless the table only holds data that can be rebuilt";
        if (on == null) {
            s.missing(pitr == null ? s.block().nameRange() : pitr.typeRange(), "Table " + s.name()
                    + " does not enable point-in-time recovery" + why, null);
        } else if (on.isFalse()) {
            s.bad(on, "Point-in-time recovery is off for table " + s.name() + why, null);
        }
    }
}

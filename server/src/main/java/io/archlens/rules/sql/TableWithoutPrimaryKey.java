package io.archlens.rules.sql;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.sql.AlterTable;
import io.archlens.syntax.sql.ColumnDef;
import io.archlens.syntax.sql.CreateTable;
import io.archlens.syntax.sql.SqlScript;
import io.archlens.syntax.sql.SqlStatement;
import io.archlens.syntax.sql.TableConstraint;
import java.util.HashSet;
import java.util.Set;

/**
 * Any .sql file: CREATE TABLE (not temporary, not AS/LIKE/PARTITION OF) with no primary key, neither in the
 * definition nor in a later ALTER TABLE ... ADD PRIMARY KEY of the same file.
 */
final class TableWithoutPrimaryKey extends SqlRule {
    static final RuleMeta META = sql("table-without-primary-key", "A table is created without a primary key",
            Severity.WARNING, Category.RELIABILITY);

    TableWithoutPrimaryKey() {
        super(META);
    }

    @Override
    public void check(SqlScript script, RuleContext ctx) {
        Set<String> pkAdded = new HashSet<>();
        for (SqlStatement s : script.statements()) {
            if (s.ddl() instanceof AlterTable at) {
                for (AlterTable.Action a : at.actions()) {
                    if (a.constraint() != null && a.constraint().kind() == TableConstraint.Kind.PRIMARY_KEY
                            || a.column() != null && a.column().primaryKey()) {
                        pkAdded.add(at.table().name());
                    }
                }
            }
        }
        for (SqlStatement s : script.statements()) {
            if (!(s.ddl() instanceof CreateTable ct) || ct.temporary() || ct.derived()
                    || pkAdded.contains(ct.table().name())) {
                continue;
            }
            boolean pk = false;
            for (ColumnDef c : ct.columns()) {
                pk |= c.primaryKey();
            }
            for (TableConstraint tc : ct.constraints()) {
                pk |= tc.kind() == TableConstraint.Kind.PRIMARY_KEY;
            }
            if (!pk) {
                ctx.report(ct.table().range(), "Table " + ct.table().name() + " has no primary key: rows cannot be"
                        + " addressed reliably, logical replication and CDC cannot carry its UPDATEs/DELETEs, and"
                        + " ORMs misbehave; add one (e.g. id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY)");
            }
        }
    }
}

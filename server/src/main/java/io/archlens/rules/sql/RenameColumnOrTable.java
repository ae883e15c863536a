package io.archlens.rules.sql;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.sql.AlterTable;
import io.archlens.syntax.sql.SqlName;
import io.archlens.syntax.sql.SqlScript;
import io.archlens.syntax.sql.SqlStatement;

/**
 * Migrations only: renaming a column or table that existed before this file (ALTER TABLE ... RENAME [COLUMN]
 * ... TO, ALTER TABLE ... RENAME TO, MySQL RENAME TABLE and CHANGE COLUMN old new).
 */
final class RenameColumnOrTable extends SqlRule {
    static final RuleMeta META = sql("rename", "A column or table is renamed under the running application",
            Severity.WARNING, Category.RELIABILITY);

    RenameColumnOrTable() {
        super(META);
    }

    @Override
    public void check(SqlScript script, RuleContext ctx) {
        if (!script.isMigration() || script.migration().down()) {
            return;
        }
        for (SqlStatement s : script.statements()) {
            if (s.startsWith("RENAME", "TABLE")) {
                SqlName from = SqlName.read(s, 2);
                if (existing(script, from)) {
                    ctx.report(s.range(0, from.end()), "Renaming table " + from.name() + " breaks the version still"
                            + " running during the deploy; create the new name as a view (or copy), move the code,"
                            + " then drop the old name in a later release");
                }
                continue;
            }
            if (!(s.ddl() instanceof AlterTable at) || !existing(script, at.table())) {
                continue;
            }
            for (AlterTable.Action a : at.actions()) {
                String what = null;
                if (a.kind() == AlterTable.Kind.RENAME_TABLE) {
                    what = "table " + at.table().name();
                } else if (a.kind() == AlterTable.Kind.RENAME_COLUMN) {
                    what = "column " + at.table().name() + "." + a.columnName();
                } else if (a.kind() == AlterTable.Kind.CHANGE_COLUMN && a.newName() != null
                        && a.columnName() != null && !a.newName().equals(a.columnName())) {
                    what = "column " + at.table().name() + "." + a.columnName();
                }
                if (what != null) {
                    ctx.report(s.range(a.from(), Math.min(a.to(), a.columnToken() >= 0 ? a.columnToken() + 1
                            : a.from() + 2)), "Renaming " + what + " breaks the version still running during the"
                            + " deploy; add the new name, write both, backfill, switch reads, then drop the old one"
                            + " (expand/contract)");
                }
            }
        }
    }
}

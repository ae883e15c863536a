package io.archlens.rules.sql;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.sql.AlterTable;
import io.archlens.syntax.sql.SqlScript;

/** Migrations only (not undo/down ones): ALTER TABLE ... DROP COLUMN on a table this file does not create. */
final class DropColumn extends SqlRule {
    static final RuleMeta META = sql("drop-column", "A column is dropped while the running version may still use it",
            Severity.WARNING, Category.RELIABILITY);

    DropColumn() {
        super(META);
    }

    @Override
    public void check(SqlScript script, RuleContext ctx) {
        if (!script.isMigration() || script.migration().down()) {
            return;
        }
        existingAlters(script, AlterTable.Kind.DROP_COLUMN, (s, at, a) -> {
            if (a.columnName() != null) {
                ctx.report(s.range(a.from(), a.columnToken() + 1), "Dropping " + at.table().name() + "."
                        + a.columnName() + " breaks the version still running during the deploy (ORMs select"
                        + " every mapped column); first ship code that no longer reads or writes it, then drop it"
                        + " in a later release");
            }
        });
    }
}

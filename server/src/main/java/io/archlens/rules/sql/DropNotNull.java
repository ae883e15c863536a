package io.archlens.rules.sql;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.sql.AlterTable;
import io.archlens.syntax.sql.SqlScript;

/** Migrations: ALTER COLUMN ... DROP NOT NULL on an existing table, while the running code may assume values. */
final class DropNotNull extends SqlRule {
    static final RuleMeta META = sql("drop-not-null",
            "NOT NULL is dropped while the running version may assume the column always has a value",
            Severity.INFO, Category.RELIABILITY);

    DropNotNull() {
        super(META);
    }

    @Override
    public void check(SqlScript script, RuleContext ctx) {
        if (!script.isMigration() || script.migration().down()) {
            return;
        }
        existingAlters(script, AlterTable.Kind.DROP_NOT_NULL, (s, at, a) -> ctx.report(s.range(a.from(), a.to()),
                "Once NOT NULL is dropped, new rows may leave " + a.columnName() + " empty while the version still"
                        + " running (and readers such as reports or other services) assumes it is set; this assumes"
                        + " such readers exist: ship code that handles null first, then drop the constraint"));
    }
}

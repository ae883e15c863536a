package io.archlens.rules.sql;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.sql.SqlScript;
import io.archlens.syntax.sql.SqlStatement;

/** Migrations (not undo/down ones): DROP DATABASE / DROP SCHEMA ... CASCADE erases everything in it. */
final class DropDatabase extends SqlRule {
    static final RuleMeta META = sql("drop-database", "A migration drops a whole database", Severity.ERROR,
            Category.RELIABILITY);

    DropDatabase() {
        super(META);
    }

    @Override
    public void check(SqlScript script, RuleContext ctx) {
        if (!script.isMigration() || script.migration().down()) {
            return;
        }
        for (SqlStatement s : script.statements()) {
            if (s.startsWith("DROP", "DATABASE")) {
                ctx.report(s.range(0, 2), "DROP DATABASE in a migration erases every table and row in it on each"
                        + " environment the migration reaches, production included, and cannot be undone; drop"
                        + " databases by hand, after a backup, outside the migration history");
            }
        }
    }
}

package io.archlens.rules.sql;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.sql.SqlScript;
import io.archlens.syntax.sql.SqlStatement;

/** Migrations only: an explicit LOCK TABLE (PostgreSQL) or LOCK TABLES (MySQL). */
final class LockTable extends SqlRule {
    static final RuleMeta META = sql("lock-table", "A migration locks a table explicitly", Severity.WARNING,
            Category.RELIABILITY);

    LockTable() {
        super(META);
    }

    @Override
    public void check(SqlScript script, RuleContext ctx) {
        if (!script.isMigration()) {
            return;
        }
        for (SqlStatement s : script.statements()) {
            if (!s.startsWith("LOCK")) {
                continue;
            }
            int end = s.is(1, "TABLE") || s.is(1, "TABLES") ? 2 : 1;
            int mode = s.find("MODE");
            String how = mode > 0 ? s.text(s.find("IN") + 1, mode + 1) : "ACCESS EXCLUSIVE MODE";
            ctx.report(s.range(0, end), "LOCK TABLE (" + how + ") holds the lock until the transaction ends and"
                    + " blocks the application meanwhile; drop it (DDL takes the locks it needs) or keep the"
                    + " transaction short with a lock_timeout");
        }
    }
}

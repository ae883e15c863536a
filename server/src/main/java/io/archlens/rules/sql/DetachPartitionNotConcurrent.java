package io.archlens.rules.sql;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.sql.SqlDialect;
import io.archlens.syntax.sql.SqlScript;
import io.archlens.syntax.sql.SqlStatement;

/** PostgreSQL migrations: ALTER TABLE ... DETACH PARTITION without CONCURRENTLY (or FINALIZE). */
final class DetachPartitionNotConcurrent extends SqlRule {
    static final RuleMeta META = sql("detach-partition-not-concurrent",
            "DETACH PARTITION without CONCURRENTLY blocks all access to the partitioned table", Severity.WARNING,
            Category.RELIABILITY);

    DetachPartitionNotConcurrent() {
        super(META);
    }

    @Override
    public void check(SqlScript script, RuleContext ctx) {
        if (!script.isMigration() || script.dialect(ctx.project()) == SqlDialect.MYSQL) {
            return;
        }
        for (SqlStatement s : script.statements()) {
            int d = s.startsWith("ALTER", "TABLE") ? s.find("DETACH") : -1;
            if (d < 0 || !s.is(d + 1, "PARTITION") || s.find("CONCURRENTLY") > 0 || s.find("FINALIZE") > 0) {
                continue;
            }
            ctx.report(s.range(d, d + 2), "DETACH PARTITION takes an ACCESS EXCLUSIVE lock on the partitioned"
                    + " table: no reads or writes on any partition until it finishes; use DETACH PARTITION ..."
                    + " CONCURRENTLY (PostgreSQL 14+, outside a transaction)");
        }
    }
}

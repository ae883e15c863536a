package io.archlens.rules.sql;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.sql.SqlScript;
import io.archlens.syntax.sql.SqlStatement;

/** Any .sql file: VACUUM FULL, CLUSTER (PostgreSQL) or OPTIMIZE TABLE (MySQL): full rewrites under a blocking lock. */
final class VacuumFullOrCluster extends SqlRule {
    static final RuleMeta META = sql("vacuum-full-or-cluster",
            "VACUUM FULL / CLUSTER rewrites a table while blocking all access", Severity.WARNING,
            Category.RELIABILITY);

    VacuumFullOrCluster() {
        super(META);
    }

    @Override
    public void check(SqlScript script, RuleContext ctx) {
        for (SqlStatement s : script.statements()) {
            int end = -1;
            if (s.startsWith("VACUUM")) {
                int full = -1;
                for (int i = 1; i < s.size(); i++) {
                    if (s.is(i, "FULL") && s.get(i).depth() <= 1) {
                        // VACUUM (FULL false) / (FULL off) / (FULL 0) is a plain VACUUM
                        boolean off = s.get(i).depth() == 1 && (s.is(i + 1, "FALSE") || s.is(i + 1, "OFF")
                                || "0".equals(s.text(i + 1, i + 2).trim()));
                        full = off ? -1 : i;
                        break;
                    }
                    if (s.get(i).depth() == 0 && s.get(i).isIdentifier() && !s.is(i, "VERBOSE")
                            && !s.is(i, "ANALYZE") && !s.is(i, "FREEZE")) {
                        break;
                    }
                }
                if (full < 0) {
                    continue;
                }
                end = s.isOp(1, "(") ? s.closing(1) + 1 : full + 1;
            } else if (s.startsWith("CLUSTER")) {
                end = 1;
            } else if (s.startsWith("OPTIMIZE", "TABLE")) {
                end = 2;
            } else {
                continue;
            }
            boolean repack = !s.startsWith("OPTIMIZE") && ctx.project() != null
                    && ctx.project().databaseVersion() != null && ctx.project().databaseVersion() >= 19;
            ctx.report(s.range(0, end), s.text(0, end) + " rewrites the table while holding an ACCESS EXCLUSIVE lock"
                    + " (no reads, no writes) for the whole run; " + (repack
                    ? "PostgreSQL 19 rewrites it online with REPACK (CONCURRENTLY), or use plain VACUUM"
                    : "use pg_repack or pg_squeeze online (REPACK (CONCURRENTLY) from PostgreSQL 19), or plain VACUUM"));
        }
    }
}

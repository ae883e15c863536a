package io.archlens.rules.sql;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.sql.SqlName;
import io.archlens.syntax.sql.SqlScript;
import io.archlens.syntax.sql.SqlStatement;

/**
 * Any .sql file: UPDATE or DELETE without a WHERE clause (at the statement's top level), except on a table the
 * same file creates (it is empty).
 */
final class UpdateWithoutWhere extends SqlRule {
    static final RuleMeta META = sql("update-without-where", "An UPDATE or DELETE touches every row of a table",
            Severity.WARNING, Category.RELIABILITY);

    UpdateWithoutWhere() {
        super(META);
    }

    @Override
    public void check(SqlScript script, RuleContext ctx) {
        for (SqlStatement s : script.statements()) {
            boolean update = s.startsWith("UPDATE");
            boolean delete = s.startsWith("DELETE");
            if (!update && !delete || s.find("WHERE") >= 0) {
                continue;
            }
            int i = 1;
            if (delete && s.is(i, "FROM")) {
                i++;
            }
            if (s.is(i, "ONLY")) {
                i++;
            }
            SqlName t = SqlName.read(s, i);
            if (t == null || script.createdHere(t)) {
                continue;
            }
            String msg = update
                    ? "UPDATE without WHERE rewrites every row of " + t.name() + " in one transaction: long row"
                            + " locks, a burst of WAL and replica lag, table bloat; add a WHERE, or backfill in"
                            + " batches by key range"
                    : "DELETE without WHERE removes every row of " + t.name() + " in one transaction; add a WHERE,"
                            + " or use TRUNCATE if emptying the table is really intended";
            ctx.report(s.range(0, t.end()), msg);
        }
    }
}

package io.archlens.rules.sql;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.sql.AlterTable;
import io.archlens.syntax.sql.SqlDialect;
import io.archlens.syntax.sql.SqlScript;
import io.archlens.syntax.sql.SqlStatement;

/**
 * Migrations only. PostgreSQL: ALTER COLUMN ... TYPE on an existing table (a rewrite under ACCESS EXCLUSIVE,
 * except binary-compatible changes); a change to unbounded {@code text}/{@code varchar} is not reported because it
 * is usually a metadata-only widening. MySQL: MODIFY/CHANGE COLUMN without an explicit {@code ALGORITHM=} (the
 * default often copies the table and blocks writes).
 */
final class AlterColumnType extends SqlRule {
    static final RuleMeta META = sql("alter-column-type",
            "A column type change rewrites an existing table while locking it", Severity.WARNING,
            Category.RELIABILITY);

    AlterColumnType() {
        super(META);
    }

    @Override
    public void check(SqlScript script, RuleContext ctx) {
        if (!script.isMigration()) {
            return;
        }
        boolean mysql = script.dialect(ctx.project()) == SqlDialect.MYSQL;
        for (SqlStatement s : script.statements()) {
            if (!(s.ddl() instanceof AlterTable at) || !existing(script, at.table())) {
                continue;
            }
            String table = at.table().name();
            for (AlterTable.Action a : at.actions()) {
                if (!mysql && a.kind() == AlterTable.Kind.ALTER_COLUMN_TYPE) {
                    String type = s.word(a.typeFrom());
                    boolean unbounded = "TEXT".equals(type) || "CITEXT".equals(type)
                            || ("VARCHAR".equals(type) && !s.isOp(a.typeFrom() + 1, "("))
                            || ("CHARACTER".equals(type) && s.is(a.typeFrom() + 1, "VARYING")
                                    && !s.isOp(a.typeFrom() + 2, "("));
                    if (unbounded) {
                        continue;
                    }
                    ctx.report(s.range(a.from(), a.typeFrom()), "Changing the type of " + table + "." + a.columnName()
                            + " rewrites the table and its indexes under an ACCESS EXCLUSIVE lock (unless the types"
                            + " are binary compatible, e.g. a wider varchar); add a new column, backfill it in"
                            + " batches and switch over");
                } else if (mysql && (a.kind() == AlterTable.Kind.MODIFY_COLUMN
                        || a.kind() == AlterTable.Kind.CHANGE_COLUMN) && !at.has(AlterTable.Kind.OPTION)) {
                    ctx.report(s.range(a.from(), Math.min(a.to(), a.from() + 3)), s.word(a.from()) + " COLUMN on "
                            + table + " usually copies the table and blocks writes; add ALGORITHM=INPLACE, LOCK=NONE"
                            + " (or INSTANT) so MySQL refuses instead of locking, or use gh-ost/pt-online-schema-change");
                }
            }
        }
    }
}

package io.archlens.rules.sql;

import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.sql.AlterTable;
import io.archlens.syntax.sql.ColumnDef;
import io.archlens.syntax.sql.CreateTable;
import io.archlens.syntax.sql.SqlDialect;
import io.archlens.syntax.sql.SqlScript;
import io.archlens.syntax.sql.SqlStatement;

/**
 * PostgreSQL, any .sql file: a column typed {@code timestamp}, {@code timestamp(p)} or {@code timestamp without
 * time zone} (CREATE TABLE, ADD COLUMN, ALTER COLUMN TYPE). MySQL's DATETIME/TIMESTAMP differ and are not checked.
 */
final class TimestampWithoutTimeZone extends SqlRule {
    static final RuleMeta META = sql("timestamp-without-time-zone", "A timestamp column has no time zone",
            Severity.WARNING, Category.RELIABILITY).withFix();

    TimestampWithoutTimeZone() {
        super(META);
    }

    @Override
    public void check(SqlScript script, RuleContext ctx) {
        if (script.dialect(ctx.project()) == SqlDialect.MYSQL) {
            return;
        }
        for (SqlStatement s : script.statements()) {
            if (s.ddl() instanceof CreateTable ct) {
                for (ColumnDef c : ct.columns()) {
                    check(s, c.name(), c.typeFrom(), c.typeTo(), ctx);
                }
            } else if (s.ddl() instanceof AlterTable at) {
                for (AlterTable.Action a : at.actions()) {
                    if (a.kind() == AlterTable.Kind.ADD_COLUMN && a.column() != null) {
                        check(s, a.column().name(), a.column().typeFrom(), a.column().typeTo(), ctx);
                    } else if (a.kind() == AlterTable.Kind.ALTER_COLUMN_TYPE && a.typeFrom() >= 0) {
                        int end = a.typeFrom();
                        while (end < a.to() && !s.is(end, "USING") && !s.is(end, "COLLATE")) {
                            end++;
                        }
                        check(s, a.columnName(), a.typeFrom(), end, ctx);
                    }
                }
            }
        }
    }

    private static void check(SqlStatement s, String column, int from, int to, RuleContext ctx) {
        if (from >= to || !s.is(from, "TIMESTAMP")) {
            return;
        }
        int i = from + 1;
        String precision = "";
        if (s.isOp(i, "(")) {
            int close = s.closing(i);
            precision = s.text(i, close + 1).replace(" ", "");
            i = close + 1;
        }
        if (s.is(i, "WITH")) {
            return;
        }
        int end = i;
        if (s.matches(i, "WITHOUT", "TIME", "ZONE")) {
            end = i + 3;
        }
        String written = s.text(s.get(from));
        String replacement = sameCase(written, "TIMESTAMPTZ") + precision;
        ctx.report(s.range(from, end), "Column " + column + " is timestamp without time zone: values are stored as"
                + " wall-clock times with no zone, so servers and sessions in other zones (and DST changes) read them"
                + " wrong; use timestamptz",
                Fix.unsafe("Use " + replacement, Edit.replace(s.range(from, end), replacement)));
    }
}

package io.archlens.rules.sql;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.sql.AlterTable;
import io.archlens.syntax.sql.ColumnDef;
import io.archlens.syntax.sql.SqlDialect;
import io.archlens.syntax.sql.SqlScript;
import io.archlens.syntax.sql.SqlStatement;

/** Migrations only: ALTER TABLE (existing) ADD COLUMN ... NOT NULL without DEFAULT (and not identity/generated). */
final class NotNullWithoutDefault extends SqlRule {
    static final RuleMeta META = sql("not-null-without-default",
            "A NOT NULL column is added to an existing table without a default", Severity.ERROR,
            Category.RELIABILITY);

    NotNullWithoutDefault() {
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
            for (AlterTable.Action a : at.actions()) {
                ColumnDef c = a.column();
                if (a.kind() != AlterTable.Kind.ADD_COLUMN || c == null || c.notNull() < 0 || c.hasDefault()
                        || c.identity() || c.generated()) {
                    continue;
                }
                String msg = mysql
                        ? "Adding NOT NULL column " + c.name() + " without a DEFAULT fills existing rows of "
                                + at.table().name() + " with the type's implicit value (0, '' or a zero date); give"
                                + " it a DEFAULT that means something"
                        : "Adding NOT NULL column " + c.name() + " without a DEFAULT fails as soon as "
                                + at.table().name() + " has rows; add it nullable, backfill, then enforce NOT NULL"
                                + " (or give it a constant DEFAULT)";
                ctx.report(s.range(c.notNull(), c.notNull() + 2), msg);
            }
        }
    }
}

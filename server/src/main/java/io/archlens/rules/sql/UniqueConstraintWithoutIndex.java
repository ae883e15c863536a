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
import io.archlens.syntax.sql.TableConstraint;

/**
 * PostgreSQL migrations: ALTER TABLE (existing) ADD UNIQUE / PRIMARY KEY constraint that builds its own index
 * (no {@code USING INDEX}).
 */
final class UniqueConstraintWithoutIndex extends SqlRule {
    static final RuleMeta META = sql("unique-constraint-without-index",
            "A unique or primary key constraint builds its index while locking the table", Severity.WARNING,
            Category.RELIABILITY);

    UniqueConstraintWithoutIndex() {
        super(META);
    }

    @Override
    public void check(SqlScript script, RuleContext ctx) {
        if (!script.isMigration() || script.dialect(ctx.project()) == SqlDialect.MYSQL) {
            return;
        }
        for (SqlStatement s : script.statements()) {
            if (!(s.ddl() instanceof AlterTable at) || !existing(script, at.table())) {
                continue;
            }
            for (AlterTable.Action a : at.actions()) {
                ColumnDef col = a.column();
                if (a.kind() == AlterTable.Kind.ADD_COLUMN && col != null && (col.unique() || col.primaryKey())) {
                    // an inline UNIQUE / PRIMARY KEY on a new column builds its index under the same lock
                    int kw = s.find(a.from(), a.to(), 0, col.primaryKey() ? "PRIMARY" : "UNIQUE");
                    if (kw >= 0) {
                        ctx.report(s.range(kw, col.primaryKey() ? kw + 2 : kw + 1), "Adding a column with "
                                + (col.primaryKey() ? "PRIMARY KEY" : "UNIQUE") + " builds its index over every row of "
                                + at.table().name() + " under an ACCESS EXCLUSIVE lock; add the column, then CREATE UNIQUE"
                                + " INDEX CONCURRENTLY and ADD CONSTRAINT ... USING INDEX");
                    }
                    continue;
                }
                TableConstraint c = a.constraint();
                if (a.kind() != AlterTable.Kind.ADD_CONSTRAINT || c == null || c.usingIndex()
                        || c.kind() != TableConstraint.Kind.UNIQUE && c.kind() != TableConstraint.Kind.PRIMARY_KEY) {
                    continue;
                }
                boolean pk = c.kind() == TableConstraint.Kind.PRIMARY_KEY;
                int kw = s.find(a.from(), a.to(), 0, pk ? "PRIMARY" : "UNIQUE");
                String name = c.name() == null ? "name" : c.name();
                ctx.report(s.range(a.from(), pk ? kw + 2 : kw + 1), "This builds the " + (pk ? "primary key" : "unique")
                        + " index of " + at.table().name() + " under an ACCESS EXCLUSIVE lock; create it first with"
                        + " CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT " + name + " "
                        + (pk ? "PRIMARY KEY" : "UNIQUE") + " USING INDEX <index>");
            }
        }
    }
}

package io.archlens.rules.sql;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.sql.AlterTable;
import io.archlens.syntax.sql.SqlDialect;
import io.archlens.syntax.sql.SqlScript;
import io.archlens.syntax.sql.SqlStatement;
import io.archlens.syntax.sql.TableConstraint;
import java.util.HashSet;
import java.util.Set;

/**
 * PostgreSQL migrations: ALTER COLUMN ... SET NOT NULL on an existing table, unless an earlier statement of the
 * file validated a CHECK constraint on that table (VALIDATE CONSTRAINT, or a CHECK added without NOT VALID), which
 * lets PostgreSQL 12+ skip the scan.
 */
final class SetNotNull extends SqlRule {
    static final RuleMeta META = sql("set-not-null",
            "SET NOT NULL scans an existing table under an exclusive lock", Severity.WARNING,
            Category.RELIABILITY);

    SetNotNull() {
        super(META);
    }

    @Override
    public void check(SqlScript script, RuleContext ctx) {
        if (!script.isMigration() || script.dialect(ctx.project()) == SqlDialect.MYSQL) {
            return;
        }
        Set<String> validated = new HashSet<>();
        for (SqlStatement s : script.statements()) {
            if (!(s.ddl() instanceof AlterTable at)) {
                continue;
            }
            String table = at.table().name();
            for (AlterTable.Action a : at.actions()) {
                if (a.kind() == AlterTable.Kind.VALIDATE_CONSTRAINT || a.kind() == AlterTable.Kind.ADD_CONSTRAINT
                        && a.constraint() != null && a.constraint().kind() == TableConstraint.Kind.CHECK
                        && !a.constraint().notValid()) {
                    validated.add(table);
                }
            }
            if (!existing(script, at.table()) || validated.contains(table)) {
                continue;
            }
            for (AlterTable.Action a : at.actions()) {
                if (a.kind() == AlterTable.Kind.SET_NOT_NULL) {
                    ctx.report(s.range(a.from(), a.to()), "SET NOT NULL on " + table + "." + a.columnName()
                            + " scans the whole table under an ACCESS EXCLUSIVE lock; add CHECK (" + a.columnName()
                            + " IS NOT NULL) NOT VALID, VALIDATE it in a later migration, then SET NOT NULL"
                            + " (PostgreSQL 12+ skips the scan) and drop the check");
                }
            }
        }
    }
}

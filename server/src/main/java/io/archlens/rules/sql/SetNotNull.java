package io.archlens.rules.sql;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.sql.AlterTable;
import io.archlens.syntax.sql.SqlDialect;
import io.archlens.syntax.sql.SqlName;
import io.archlens.syntax.sql.SqlScript;
import io.archlens.syntax.sql.SqlStatement;
import io.archlens.syntax.sql.TableConstraint;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL migrations: ALTER COLUMN ... SET NOT NULL on an existing table, unless an earlier statement of the
 * file validated a CHECK (column IS NOT NULL) constraint for that column (VALIDATE CONSTRAINT, or a CHECK added
 * without NOT VALID), which lets PostgreSQL 12+ skip the scan. A constraint validated here but added elsewhere is
 * taken to be for the column when its name contains the column's. With {@code context: database: version:} below 12
 * the validated check does not help (the scan is skipped from PostgreSQL 12 on), so every SET NOT NULL is reported.
 */
final class SetNotNull extends SqlRule {
    private static final Pattern NOT_NULL_CHECK = Pattern.compile(
            "(?i)CHECK\\s*\\(\\s*(\"?[\\w$]+\"?)\\s+IS\\s+NOT\\s+NULL\\s*\\)");
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
        boolean before12 = ctx.project() != null && ctx.project().databaseOlderThan(12);
        Map<String, String> checkColumn = new HashMap<>(); // constraint -> column of its IS NOT NULL check
        Set<String> validated = new HashSet<>(); // table + " " + constraint
        for (SqlStatement s : script.statements()) {
            if (!(s.ddl() instanceof AlterTable at)) {
                continue;
            }
            String table = at.table().name();
            for (AlterTable.Action a : at.actions()) {
                TableConstraint c = a.constraint();
                if (a.kind() == AlterTable.Kind.ADD_CONSTRAINT && c != null && c.kind() == TableConstraint.Kind.CHECK) {
                    Matcher m = NOT_NULL_CHECK.matcher(s.text(a.from(), a.to()));
                    String name = c.name() == null ? "" : SqlName.normalize(c.name());
                    if (m.find()) {
                        checkColumn.put(name, SqlName.normalize(m.group(1)));
                    }
                    if (!c.notValid()) {
                        validated.add(table + " " + name);
                    }
                } else if (a.kind() == AlterTable.Kind.VALIDATE_CONSTRAINT) {
                    int k = s.find(a.from(), a.to(), 0, "CONSTRAINT");
                    if (k >= 0 && k + 1 < a.to()) {
                        validated.add(table + " " + SqlName.normalize(s.text(s.get(k + 1))));
                    }
                }
            }
            if (!existing(script, at.table())) {
                continue;
            }
            for (AlterTable.Action a : at.actions()) {
                if (a.kind() != AlterTable.Kind.SET_NOT_NULL) {
                    continue;
                }
                if (before12) {
                    ctx.report(s.range(a.from(), a.to()), "SET NOT NULL on " + table + "." + a.columnName()
                            + " scans the whole table under an ACCESS EXCLUSIVE lock on PostgreSQL " + ctx.project()
                            .databaseVersion() + " (context database.version), even after a validated CHECK (only 12+"
                            + " skips the scan); keep the validated CHECK (" + a.columnName() + " IS NOT NULL) instead,"
                            + " or run it in a quiet window");
                    continue;
                }
                if (!checked(validated, checkColumn, table, SqlName.normalize(a.columnName()))) {
                    ctx.report(s.range(a.from(), a.to()), "SET NOT NULL on " + table + "." + a.columnName()
                            + " scans the whole table under an ACCESS EXCLUSIVE lock; add CHECK (" + a.columnName()
                            + " IS NOT NULL) NOT VALID, VALIDATE it in a later migration, then SET NOT NULL"
                            + " (PostgreSQL 12+ skips the scan) and drop the check");
                }
            }
        }
    }

    /** True when a validated constraint of {@code table} checks {@code column} IS NOT NULL. */
    private static boolean checked(Set<String> validated, Map<String, String> checkColumn, String table,
            String column) {
        for (String v : validated) {
            if (!v.startsWith(table + " ")) {
                continue;
            }
            String constraint = v.substring(table.length() + 1);
            String col = checkColumn.get(constraint);
            if (col != null ? col.equals(column) : constraint.contains(column)) {
                return true;
            }
        }
        return false;
    }
}

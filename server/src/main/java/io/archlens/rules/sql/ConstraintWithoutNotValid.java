package io.archlens.rules.sql;

import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.sql.AlterTable;
import io.archlens.syntax.sql.SqlDialect;
import io.archlens.syntax.sql.SqlScript;
import io.archlens.syntax.sql.SqlStatement;
import io.archlens.syntax.sql.TableConstraint;

/**
 * PostgreSQL migrations: ALTER TABLE (existing) ADD a FOREIGN KEY or CHECK constraint without NOT VALID. (MySQL
 * has no NOT VALID; not reported there.)
 */
final class ConstraintWithoutNotValid extends SqlRule {
    static final RuleMeta META = sql("constraint-without-not-valid",
            "A foreign key or check constraint is validated while locking an existing table", Severity.WARNING,
            Category.RELIABILITY).withFix();

    ConstraintWithoutNotValid() {
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
                TableConstraint c = a.constraint();
                if (a.kind() != AlterTable.Kind.ADD_CONSTRAINT || c == null || c.notValid()
                        || (c.kind() != TableConstraint.Kind.FOREIGN_KEY && c.kind() != TableConstraint.Kind.CHECK)) {
                    continue;
                }
                boolean fk = c.kind() == TableConstraint.Kind.FOREIGN_KEY;
                int kw = s.find(a.from(), a.to(), 0, fk ? "FOREIGN" : "CHECK");
                int end = fk ? kw + 2 : kw + 1;
                String lock = fk ? "SHARE ROW EXCLUSIVE locks on " + at.table().name() + " and "
                        + (c.refTable() == null ? "the referenced table" : c.refTable().name()) + " (writes blocked)"
                        : "an ACCESS EXCLUSIVE lock on " + at.table().name();
                ctx.report(s.range(a.from(), end), "Adding this " + (fk ? "foreign key" : "check constraint")
                        + " checks every existing row while holding " + lock + "; add it NOT VALID, then VALIDATE"
                        + " CONSTRAINT in a separate migration (which does not block writes)",
                        Fix.unsafe("Add NOT VALID (validate it in a later migration)",
                                Edit.insert(s.get(a.to() - 1).end(), " " + sameCase(s.text(s.get(0)), "NOT VALID"))));
            }
        }
    }
}

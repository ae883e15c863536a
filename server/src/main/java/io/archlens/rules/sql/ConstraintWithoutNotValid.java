package io.archlens.rules.sql;

import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.sql.AlterTable;
import io.archlens.syntax.sql.SqlDialect;
import io.archlens.syntax.sql.SqlName;
import io.archlens.syntax.sql.SqlScript;
import io.archlens.syntax.sql.SqlStatement;
import io.archlens.syntax.sql.TableConstraint;
import java.util.HashSet;
import java.util.Set;

/**
 * PostgreSQL migrations: ALTER TABLE (existing) ADD a FOREIGN KEY or CHECK constraint without NOT VALID, ADD COLUMN
 * ... REFERENCES (validated at once), ALTER DOMAIN ... ADD CONSTRAINT without NOT VALID (checks every column of the
 * domain), and a VALIDATE CONSTRAINT in the same transaction as the NOT VALID that added it (the transaction
 * keeps the ADD's lock while validating, as if NOT VALID were not there). The transaction is the file's
 * BEGIN/COMMIT block or, without one, the migration tool's around the whole file. (MySQL has no NOT VALID.)
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
        Set<String> addedNotValid = new HashSet<>();
        for (SqlStatement s : script.statements()) {
            if (TransactionControl.closes(s)) {
                addedNotValid.clear();
            }
            if (s.startsWith("ALTER", "DOMAIN")) {
                int add = s.find("ADD");
                if (add > 0 && s.find("VALID") < 0) {
                    ctx.report(s.range(add, Math.min(s.size(), add + 2)), "Adding a constraint to a domain checks"
                            + " every column of that type in every table, under locks that block writes; add it NOT"
                            + " VALID, then VALIDATE CONSTRAINT in a separate migration");
                }
                continue;
            }
            if (!(s.ddl() instanceof AlterTable at) || !existing(script, at.table())) {
                continue;
            }
            for (AlterTable.Action a : at.actions()) {
                TableConstraint c = a.constraint();
                if (a.kind() == AlterTable.Kind.ADD_COLUMN && a.column() != null && a.column().references() != null) {
                    int r = a.column().referencesToken();
                    ctx.report(s.range(r, r + 1), "A column added with REFERENCES gets a validated foreign key at"
                            + " once, under SHARE ROW EXCLUSIVE locks on " + at.table().name() + " and "
                            + a.column().references().name() + " (writes blocked); add the column, then the foreign"
                            + " key NOT VALID, then VALIDATE CONSTRAINT in a separate migration");
                    continue;
                }
                if (a.kind() == AlterTable.Kind.VALIDATE_CONSTRAINT) {
                    String name = constraintName(s, a);
                    if (name != null && addedNotValid.contains(name)) {
                        ctx.report(s.range(a.from(), a.to()), "This VALIDATE runs in the same transaction as the"
                                + " NOT VALID that added " + name + ", which still holds that statement's lock: the"
                                + " table stays blocked while every row is checked; COMMIT in between, or validate"
                                + " in the next migration");
                    }
                    continue;
                }
                if (a.kind() != AlterTable.Kind.ADD_CONSTRAINT || c == null
                        || (c.kind() != TableConstraint.Kind.FOREIGN_KEY && c.kind() != TableConstraint.Kind.CHECK)) {
                    continue;
                }
                if (c.notValid()) {
                    if (c.name() != null) {
                        addedNotValid.add(SqlName.normalize(c.name()));
                    }
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

    /** The constraint a VALIDATE CONSTRAINT action names (normalized), or null. */
    private static String constraintName(SqlStatement s, AlterTable.Action a) {
        int k = s.find(a.from(), a.to(), 0, "CONSTRAINT");
        return k >= 0 && k + 1 < a.to() && s.get(k + 1).isIdentifier() ? SqlName.normalize(s.text(s.get(k + 1))) : null;
    }
}

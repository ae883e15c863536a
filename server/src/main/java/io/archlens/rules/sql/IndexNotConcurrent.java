package io.archlens.rules.sql;

import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.sql.AlterTable;
import io.archlens.syntax.sql.CreateIndex;
import io.archlens.syntax.sql.SqlDialect;
import io.archlens.syntax.sql.SqlScript;
import io.archlens.syntax.sql.SqlStatement;

/**
 * Migrations only. PostgreSQL: CREATE INDEX without CONCURRENTLY on a table this file does not create, and
 * DROP INDEX without CONCURRENTLY for an index this file does not create. MySQL (no CONCURRENTLY): CREATE INDEX
 * or ALTER TABLE ... ADD INDEX on an existing table without an explicit {@code ALGORITHM=INPLACE, LOCK=NONE}.
 */
final class IndexNotConcurrent extends SqlRule {
    static final RuleMeta META = sql("index-not-concurrent",
            "An index is built or dropped on an existing table while blocking writes", Severity.WARNING,
            Category.RELIABILITY).withFix();

    IndexNotConcurrent() {
        super(META);
    }

    @Override
    public void check(SqlScript script, RuleContext ctx) {
        if (!script.isMigration()) {
            return;
        }
        boolean mysql = script.dialect(ctx.project()) == SqlDialect.MYSQL;
        for (SqlStatement s : script.statements()) {
            if (s.ddl() instanceof CreateIndex ci) {
                if (!existing(script, ci.table())) {
                    continue;
                }
                int kw = ci.indexKeyword();
                if (mysql) {
                    if (!ci.algorithmOrLock()) {
                        int end = s.range().end();
                        ctx.report(s.range(0, kw + 1), "CREATE INDEX on existing table " + ci.table().name()
                                + " may take a lock that blocks writes; add ALGORITHM=INPLACE LOCK=NONE so MySQL"
                                + " builds it online or refuses (MySQL has no CONCURRENTLY)",
                                Fix.unsafe("Add ALGORITHM=INPLACE LOCK=NONE",
                                        Edit.insert(end, " " + sameCase(s.text(s.get(0)), "ALGORITHM=INPLACE LOCK=NONE"))));
                    }
                    continue;
                }
                if (ci.concurrently()) {
                    continue;
                }
                ctx.report(s.range(0, kw + 1), "CREATE INDEX on existing table " + ci.table().name()
                        + " blocks every write to it until the index is built; use CREATE INDEX CONCURRENTLY (in a"
                        + " migration that runs outside a transaction)",
                        Fix.unsafe("Add CONCURRENTLY (the migration must then run outside a transaction)",
                                Edit.insert(s.get(kw).end(), " " + sameCase(s.text(s.get(kw)), "CONCURRENTLY"))));
            } else if (!mysql && s.startsWith("REINDEX")) {
                reindex(s, ctx);
            } else if (!mysql && s.startsWith("DROP", "INDEX") && !s.is(2, "CONCURRENTLY")) {
                dropIndex(script, s, ctx);
            } else if (mysql && s.ddl() instanceof AlterTable at && existing(script, at.table())
                    && at.has(AlterTable.Kind.ADD_INDEX) && !at.has(AlterTable.Kind.OPTION)) {
                for (AlterTable.Action a : at.actions()) {
                    if (a.kind() == AlterTable.Kind.ADD_INDEX) {
                        ctx.report(s.range(a.from(), a.from() + 2), "Adding an index to existing table "
                                + at.table().name() + " without LOCK=NONE may block writes; append ALGORITHM=INPLACE,"
                                + " LOCK=NONE so MySQL builds it online or refuses",
                                Fix.unsafe("Add ALGORITHM=INPLACE, LOCK=NONE", Edit.insert(s.range().end(),
                                        sameCase(s.text(s.get(0)), ", ALGORITHM=INPLACE, LOCK=NONE"))));
                        break;
                    }
                }
            }
        }
    }

    /** The INDEX/TABLE/SCHEMA/DATABASE token of a REINDEX that runs without CONCURRENTLY, else -1. */
    static int blockingReindex(SqlStatement s) {
        if (!s.startsWith("REINDEX")) {
            return -1;
        }
        int i = 1;
        if (s.isOp(i, "(")) {
            int close = s.closing(i);
            int opt = s.find(i + 1, close, s.get(i).depth() + 1, "CONCURRENTLY");
            if (opt >= 0 && !s.is(opt + 1, "FALSE") && !s.is(opt + 1, "OFF")) {
                return -1; // REINDEX (CONCURRENTLY) TABLE t, PostgreSQL 14+
            }
            i = close + 1;
        }
        if (!(s.is(i, "INDEX") || s.is(i, "TABLE") || s.is(i, "SCHEMA") || s.is(i, "DATABASE"))
                || s.is(i + 1, "CONCURRENTLY")) {
            return -1;
        }
        return i;
    }

    /**
     * PostgreSQL 12+: {@code REINDEX [ (options) ] INDEX|TABLE|SCHEMA|DATABASE [CONCURRENTLY] name} rebuilds under a
     * lock that blocks writes (and reads through the index); {@code SYSTEM} cannot run concurrently.
     */
    private static void reindex(SqlStatement s, RuleContext ctx) {
        int i = blockingReindex(s);
        if (i < 0) {
            return;
        }
        ctx.report(s.range(0, i + 1), "REINDEX " + s.word(i) + " without CONCURRENTLY blocks writes to the table (and"
                + " reads that use the index) until it is rebuilt; use REINDEX " + s.word(i) + " CONCURRENTLY"
                + " (PostgreSQL 12+, outside a transaction)",
                Fix.unsafe("Add CONCURRENTLY (the migration must then run outside a transaction)",
                        Edit.insert(s.get(i).end(), " " + sameCase(s.text(s.get(i)), "CONCURRENTLY"))));
    }

    private static void dropIndex(SqlScript script, SqlStatement s, RuleContext ctx) {
        int i = 2;
        if (s.matches(i, "IF", "EXISTS")) {
            i += 2;
        }
        String name = s.identifier(i);
        int dot = i + 1;
        if (s.isOp(dot, ".")) {
            name = s.identifier(dot + 1);
        }
        if (name == null || script.createdIndexes().contains(name)) {
            return;
        }
        boolean single = s.find(0, s.size(), 0, "CASCADE") < 0;
        for (int k = 2; k < s.size(); k++) {
            if (s.isOp(k, ",")) {
                single = false;
            }
        }
        String msg = "DROP INDEX takes an ACCESS EXCLUSIVE lock on its table, blocking reads and writes while it"
                + " waits and runs; use DROP INDEX CONCURRENTLY (outside a transaction)";
        if (single) {
            ctx.report(s.range(0, 2), msg, Fix.unsafe("Add CONCURRENTLY (the migration must then run outside a"
                    + " transaction)", Edit.insert(s.get(1).end(), " " + sameCase(s.text(s.get(1)), "CONCURRENTLY"))));
        } else {
            ctx.report(s.range(0, 2), msg);
        }
    }
}

package io.archlens.rules.sql;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.sql.SqlDialect;
import io.archlens.syntax.sql.SqlScript;
import io.archlens.syntax.sql.SqlStatement;

/**
 * PostgreSQL refuses CREATE/DROP INDEX CONCURRENTLY, REINDEX ... CONCURRENTLY and DETACH PARTITION ...
 * CONCURRENTLY inside a transaction block. Reported when the statement is
 * <ul>
 *   <li>between BEGIN/START TRANSACTION and COMMIT/END/ROLLBACK in the file (any .sql file);</li>
 *   <li>in a Liquibase changeset without {@code runInTransaction:false};</li>
 *   <li>in a Flyway migration that also holds statements Flyway runs transactionally: Flyway runs a script
 *       outside a transaction only when every statement needs it, and otherwise fails with "Detected both
 *       transactional and non-transactional statements" (or, with {@code mixed=true}, runs the whole script
 *       without a transaction). Flyway does not recognise REINDEX/DETACH ... CONCURRENTLY at all;</li>
 *   <li>in another migration runner's file with other statements: most runners apply a file in one transaction or
 *       as one multi-statement query, which PostgreSQL runs as an implicit transaction.</li>
 * </ul>
 * A comment declaring the file non-transactional ({@code executeInTransaction=false}, {@code transaction:false},
 * {@code no-transaction}) silences the last two cases.
 */
final class ConcurrentlyInTransaction extends SqlRule {
    static final RuleMeta META = sql("concurrently-in-transaction",
            "A CONCURRENTLY operation runs inside a transaction, where PostgreSQL refuses it", Severity.ERROR,
            Category.RELIABILITY);

    ConcurrentlyInTransaction() {
        super(META);
    }

    /** Index of CONCURRENTLY when the statement is a concurrent operation, else -1. */
    static int concurrentlyAt(SqlStatement s) {
        if (s.startsWith("CREATE")) {
            int i = 1;
            if (s.is(i, "UNIQUE")) {
                i++;
            }
            return s.is(i, "INDEX") && s.is(i + 1, "CONCURRENTLY") ? i + 1 : -1;
        }
        if (s.startsWith("DROP", "INDEX", "CONCURRENTLY")) {
            return 2;
        }
        if (s.startsWith("REINDEX") || s.startsWith("ALTER", "TABLE")) {
            int c = s.find("CONCURRENTLY");
            if (c > 0 && (s.startsWith("REINDEX") || s.find("DETACH") > 0)) {
                return c;
            }
        }
        return -1;
    }

    /** Statements Flyway's PostgreSQL parser runs outside a transaction. */
    static boolean flywayNonTransactional(SqlStatement s) {
        int c = concurrentlyAt(s);
        if (c > 0 && (s.startsWith("CREATE") || s.startsWith("DROP"))) {
            return true;
        }
        return s.startsWith("VACUUM") || s.startsWith("DISCARD", "ALL") || s.startsWith("ALTER", "SYSTEM")
                || s.startsWith("REINDEX", "SCHEMA") || s.startsWith("REINDEX", "DATABASE")
                || s.startsWith("REINDEX", "SYSTEM")
                || (s.startsWith("ALTER", "TYPE") && s.find("VALUE") > 0 && s.find("ADD") > 0)
                || (s.startsWith("CREATE") || s.startsWith("DROP"))
                        && (s.is(1, "DATABASE") || s.is(1, "TABLESPACE") || s.is(1, "SUBSCRIPTION"));
    }

    @Override
    public void check(SqlScript script, RuleContext ctx) {
        if (script.dialect(ctx.project()) == SqlDialect.MYSQL) {
            return;
        }
        int begin = -1;
        boolean others = false;
        boolean flywayDetectsAll = true;
        for (SqlStatement s : script.statements()) {
            if (concurrentlyAt(s) < 0) {
                others = true;
            }
        }
        for (SqlStatement s : script.statements()) {
            if (!flywayNonTransactional(s)) {
                flywayDetectsAll = false;
            }
        }
        var lines = ctx.file().lines();
        for (SqlStatement s : script.statements()) {
            if (s.startsWith("BEGIN") && !s.is(1, "ATOMIC") || s.startsWith("START", "TRANSACTION")) {
                begin = s.range().start();
                continue;
            }
            if (s.startsWith("COMMIT") || s.startsWith("END") || s.startsWith("ROLLBACK") || s.startsWith("ABORT")) {
                begin = -1;
                continue;
            }
            int c = concurrentlyAt(s);
            if (c < 0) {
                continue;
            }
            var at = s.get(c).range();
            if (begin >= 0) {
                ctx.report(at, "CONCURRENTLY cannot run inside the transaction opened by BEGIN on line "
                        + (lines.lineOf(begin) + 1) + "; move this statement out of the BEGIN/COMMIT block");
                continue;
            }
            SqlScript.Migration m = script.migration();
            if (m.tool() == SqlScript.Tool.LIQUIBASE) {
                int cs = s.changeset();
                if (cs >= 0 && script.changesets().get(cs).runInTransaction()) {
                    ctx.report(at, "Liquibase runs changeset " + script.changesets().get(cs).id() + " in a"
                            + " transaction, where CONCURRENTLY fails; add runInTransaction:false to its --changeset"
                            + " line and keep the statement alone in it");
                }
                continue;
            }
            if (script.nonTransactionalMarker()) {
                continue;
            }
            if (m.tool() == SqlScript.Tool.FLYWAY) {
                if (!flywayNonTransactional(s)) {
                    ctx.report(at, "Flyway does not know this CONCURRENTLY statement must run outside a transaction"
                            + " and wraps the script in one, where it fails; run it from a script with"
                            + " executeInTransaction=false");
                } else if (!flywayDetectsAll) {
                    ctx.report(at, "Flyway runs this script in a transaction because of its other statements"
                            + " (it refuses to mix them unless mixed=true, which drops the transaction for all of"
                            + " them); put the CONCURRENTLY statement in a migration of its own");
                }
                continue;
            }
            if (m.tool() == SqlScript.Tool.GENERIC && others) {
                ctx.report(at, "Migration runners apply a file in one transaction or as one multi-statement query"
                        + " (an implicit transaction), where CONCURRENTLY fails; put it in a migration of its own"
                        + " marked non-transactional");
            }
        }
    }
}

package io.archlens.rules.sql;

import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.core.LineIndex;
import io.archlens.syntax.sql.AlterTable;
import io.archlens.syntax.sql.CreateIndex;
import io.archlens.syntax.sql.SqlDialect;
import io.archlens.syntax.sql.SqlName;
import io.archlens.syntax.sql.SqlScript;
import io.archlens.syntax.sql.SqlStatement;

/**
 * Migrations only: the first statement that takes a blocking lock on a table this file does not create (ALTER
 * TABLE other than VALIDATE CONSTRAINT, CREATE INDEX and REINDEX without CONCURRENTLY, DROP TABLE/INDEX, TRUNCATE, LOCK,
 * CREATE TRIGGER, RENAME TABLE, VACUUM FULL, CLUSTER) with no earlier {@code SET lock_timeout} or
 * {@code SET statement_timeout} (PostgreSQL) / {@code SET lock_wait_timeout} (MySQL). Reported once per file.
 */
final class MissingLockTimeout extends SqlRule {
    static final RuleMeta META = sql("missing-lock-timeout",
            "DDL on an existing table can wait for its lock forever, stalling all traffic to the table",
            Severity.WARNING, Category.RELIABILITY).withFix();

    MissingLockTimeout() {
        super(META);
    }

    private static final java.util.regex.Pattern TIMEOUT = java.util.regex.Pattern.compile(
            "(?<![\\w.])(lock_timeout|statement_timeout|lock_wait_timeout)\\b");

    /** SET / set_config of lock_timeout, statement_timeout or lock_wait_timeout (not a custom {@code x.lock_timeout}). */
    static boolean setsTimeout(SqlStatement s) {
        if (s.startsWith("SET") || s.startsWith("SELECT") && s.find("SET_CONFIG") > 0) {
            return TIMEOUT.matcher(s.text().toLowerCase(java.util.Locale.ROOT).replace("@@", "")).find();
        }
        return false;
    }

    /** The table a blocking statement locks when it existed before this file, else null. */
    static SqlName blockingTarget(SqlScript script, SqlStatement s) {
        Object d = s.ddl();
        if (d instanceof AlterTable at) {
            boolean onlyValidate = true;
            for (AlterTable.Action a : at.actions()) {
                onlyValidate &= a.kind() == AlterTable.Kind.VALIDATE_CONSTRAINT;
            }
            return onlyValidate || !existing(script, at.table()) ? null : at.table();
        }
        if (d instanceof CreateIndex ci) {
            return ci.concurrently() || !existing(script, ci.table()) ? null : ci.table();
        }
        int name = -1;
        if (s.startsWith("DROP", "TABLE") || s.startsWith("DROP", "INDEX") && !s.is(2, "CONCURRENTLY")
                || s.startsWith("RENAME", "TABLE")) {
            name = s.matches(2, "IF", "EXISTS") ? 4 : 2;
        } else if (s.is(IndexNotConcurrent.blockingReindex(s), "TABLE")
                || s.is(IndexNotConcurrent.blockingReindex(s), "INDEX")) {
            name = IndexNotConcurrent.blockingReindex(s) + 1;
        } else if (s.startsWith("TRUNCATE") || s.startsWith("LOCK") || s.startsWith("CLUSTER")) {
            name = s.is(1, "TABLE") || s.is(1, "TABLES") ? 2 : 1;
        } else if (s.startsWith("VACUUM") && s.find("FULL") > 0) {
            name = s.size() - 1;
            while (name > 0 && !s.get(name).isIdentifier()) {
                name--;
            }
        } else if (s.startsWith("CREATE") && s.find("TRIGGER") > 0) {
            int on = s.find("ON");
            name = on < 0 ? -1 : on + 1;
        }
        if (name < 0) {
            return null;
        }
        SqlName n = SqlName.read(s, name);
        if (n == null) {
            return null;
        }
        if (s.startsWith("DROP", "INDEX")) {
            return script.createdIndexes().contains(n.name()) ? null : n;
        }
        return existing(script, n) ? n : null;
    }

    @Override
    public void check(SqlScript script, RuleContext ctx) {
        if (!script.isMigration()) {
            return;
        }
        boolean mysql = script.dialect(ctx.project()) == SqlDialect.MYSQL;
        for (SqlStatement s : script.statements()) {
            if (setsTimeout(s)) {
                return;
            }
            SqlName target = blockingTarget(script, s);
            if (target == null) {
                continue;
            }
            String set = mysql ? "SET SESSION lock_wait_timeout = 5;" : "SET lock_timeout = '5s';";
            String msg = mysql
                    ? "This statement waits for a metadata lock on " + target.name() + " behind any open transaction"
                            + " (lock_wait_timeout defaults to a year) while every later query on the table queues"
                            + " behind it; start with " + set
                    : "This statement waits for its lock on " + target.name() + " behind any long-running"
                            + " transaction while every later query on the table queues behind it; start the"
                            + " migration with " + set + " (and retry on timeout)";
            LineIndex lines = ctx.file().lines();
            int line = lines.lineOf(s.range().start());
            int lineStart = lines.lineStart(line);
            String before = ctx.text().substring(lineStart, s.range().start());
            Edit edit = before.isBlank()
                    ? Edit.insert(lineStart, before + sameCase(s.text(s.get(0)), set) + script.eol())
                    : Edit.insert(s.range().start(), sameCase(s.text(s.get(0)), set) + " ");
            ctx.report(s.range(0, Math.min(s.size(), 2)), msg, Fix.safe("Add " + set + " before it", edit));
            return;
        }
    }
}

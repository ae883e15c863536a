package io.archlens.rules.sql;

import io.archlens.syntax.sql.SqlStatement;

/** Transaction statements as PostgreSQL reads them. */
final class TransactionControl {
    private TransactionControl() {
    }

    /** BEGIN [WORK|TRANSACTION], START TRANSACTION (not BEGIN ATOMIC of a SQL function body). */
    static boolean opens(SqlStatement s) {
        return s.startsWith("BEGIN") && !s.is(1, "ATOMIC") || s.startsWith("START", "TRANSACTION");
    }

    /** COMMIT, END, ROLLBACK, ABORT (not ROLLBACK TO SAVEPOINT, not COMMIT/ROLLBACK PREPARED). */
    static boolean closes(SqlStatement s) {
        if (s.is(1, "PREPARED") || s.startsWith("ROLLBACK", "TO")) {
            return false;
        }
        return s.startsWith("COMMIT") || s.startsWith("END") || s.startsWith("ROLLBACK") || s.startsWith("ABORT");
    }
}

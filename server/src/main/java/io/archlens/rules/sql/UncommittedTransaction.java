package io.archlens.rules.sql;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.sql.SqlDialect;
import io.archlens.syntax.sql.SqlScript;
import io.archlens.syntax.sql.SqlStatement;

/** PostgreSQL files: a BEGIN that no COMMIT/ROLLBACK closes before the end of the file. */
final class UncommittedTransaction extends SqlRule {
    static final RuleMeta META = sql("uncommitted-transaction",
            "A transaction is opened and never committed", Severity.WARNING, Category.RELIABILITY);

    UncommittedTransaction() {
        super(META);
    }

    @Override
    public void check(SqlScript script, RuleContext ctx) {
        if (script.dialect(ctx.project()) == SqlDialect.MYSQL || script.migration().tool() == SqlScript.Tool.LIQUIBASE) {
            return;
        }
        SqlStatement open = null;
        for (SqlStatement s : script.statements()) {
            if (TransactionControl.opens(s)) {
                open = open == null ? s : open;
            } else if (TransactionControl.closes(s)) {
                open = null;
            }
        }
        if (open != null) {
            ctx.report(open.range(0, 1), "This transaction is never committed: psql rolls it back when the"
                    + " script ends, and a migration tool either commits it with its own bookkeeping or leaves the"
                    + " session in a transaction; add COMMIT; at the end");
        }
    }
}

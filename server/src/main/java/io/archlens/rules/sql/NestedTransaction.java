package io.archlens.rules.sql;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.sql.SqlDialect;
import io.archlens.syntax.sql.SqlScript;
import io.archlens.syntax.sql.SqlStatement;

/**
 * PostgreSQL files: a BEGIN inside a transaction the file already opened (PostgreSQL warns and ignores it, and the
 * first COMMIT ends both); and, in Flyway and other runners' migrations (not those marked non-transactional), a
 * COMMIT/ROLLBACK with no BEGIN of the file's own: it ends the transaction the tool opened around the script.
 */
final class NestedTransaction extends SqlRule {
    static final RuleMeta META = sql("nested-transaction",
            "BEGIN or COMMIT inside a transaction that is already open", Severity.WARNING, Category.RELIABILITY);

    NestedTransaction() {
        super(META);
    }

    @Override
    public void check(SqlScript script, RuleContext ctx) {
        if (script.dialect(ctx.project()) == SqlDialect.MYSQL || script.migration().tool() == SqlScript.Tool.LIQUIBASE) {
            return;
        }
        SqlScript.Tool tool = script.migration().tool();
        boolean wrapped = (tool == SqlScript.Tool.FLYWAY || tool == SqlScript.Tool.GENERIC)
                && !script.nonTransactionalMarker();
        SqlStatement open = null;
        for (SqlStatement s : script.statements()) {
            if (TransactionControl.opens(s)) {
                if (open != null) {
                    ctx.report(s.range(0, 1), "A transaction is already open (BEGIN on line "
                            + (ctx.file().lines().lineOf(open.range().start()) + 1) + "): PostgreSQL ignores this"
                            + " BEGIN with a warning and the first COMMIT ends the outer transaction too; remove it");
                } else {
                    open = s;
                }
            } else if (TransactionControl.closes(s)) {
                if (open == null && wrapped) {
                    ctx.report(s.range(0, 1), s.word(0) + " without a BEGIN of this file ends the transaction the"
                            + " migration tool opened around the script (this assumes it runs the file in one, as"
                            + " Flyway does on PostgreSQL): what follows runs outside it and a failure leaves the"
                            + " migration half-applied; remove it, or mark the migration non-transactional");
                }
                open = null;
            }
        }
    }
}

package io.archlens.rules.go;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.go.Go;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.Set;

/**
 * {@code sql.Open} (or sqlx {@code Open}/{@code Connect}) in a file that never calls {@code SetMaxOpenConns} or
 * {@code SetConnMaxLifetime}: database/sql's pool is unbounded by default. Assumes the pool is configured, if
 * anywhere, in the file that opens it; the message says so.
 */
final class SqlPoolUnbounded extends GoRule {
    private static final Set<String> OPEN = Set.of("sql.Open", "sqlx.Open", "sqlx.Connect", "sqlx.MustConnect",
            "sqlx.MustOpen", "sql.OpenDB");

    SqlPoolUnbounded() {
        super(go("sql-pool-unbounded", "database/sql pool without limits", Severity.WARNING, Category.RELIABILITY));
    }

    @Override
    void run(CodeTree t, RuleContext ctx) {
        SyntaxNode first = null;
        for (SyntaxNode call : t.all("call_expression")) {
            String m = Go.method(call);
            if (m.equals("SetMaxOpenConns") || m.equals("SetConnMaxLifetime")) {
                return;
            }
            if (first == null && OPEN.contains(Go.callee(call))) {
                first = call;
            }
        }
        if (first != null) {
            ctx.report(first.field("function").range(), Go.callee(first) + " opens a pool with no limit on open "
                    + "connections and no maximum lifetime, and this file sets neither: under load each instance "
                    + "opens connections until the database refuses them; call db.SetMaxOpenConns(...) and "
                    + "db.SetConnMaxLifetime(...) (ignore this if the pool is configured in another file)");
        }
    }
}

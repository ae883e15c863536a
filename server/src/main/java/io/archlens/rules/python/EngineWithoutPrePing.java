package io.archlens.rules.python;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.python.Py;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;

/**
 * A SQLAlchemy engine for a server database built without {@code pool_pre_ping} or {@code pool_recycle}: after a
 * database restart, a failover or an idle timeout in between, the pool hands out dead connections and requests
 * fail. SQLite (no server), {@code NullPool} and {@code StaticPool} are left alone.
 */
final class EngineWithoutPrePing extends PythonRule {
    EngineWithoutPrePing() {
        super(python("engine-without-pre-ping", "SQLAlchemy pool without pre-ping or recycle", Severity.INFO,
                Category.RELIABILITY));
    }

    @Override
    void run(CodeTree f, RuleContext ctx) {
        calls(f, (call, q) -> {
            if (!q.equals("sqlalchemy.create_engine") && !q.equals("sqlalchemy.ext.asyncio.create_async_engine")
                    && !q.equals("sqlmodel.create_engine")
                    || Py.hasKwargsSplat(call) || Py.kwarg(call, "pool_pre_ping") != null
                    || Py.kwarg(call, "pool_recycle") != null) {
                return;
            }
            SyntaxNode url = Py.arg(call, 0, "url");
            String u = url == null ? null : Py.str(url);
            SyntaxNode pool = Py.kwarg(call, "poolclass");
            if (u != null && u.startsWith("sqlite") || url != null && url.text().contains("sqlite")
                    || pool != null && (pool.text().endsWith("NullPool") || pool.text().endsWith("StaticPool"))) {
                return;
            }
            ctx.report(call.field("function").range(), Py.callee(call) + " sets neither pool_pre_ping nor "
                    + "pool_recycle: after a database restart, failover or a firewall's idle timeout the pool hands out "
                    + "dead connections and requests fail; pass pool_pre_ping=True (and pool_recycle below the idle timeout)");
        });
    }
}

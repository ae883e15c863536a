package io.archlens.syntax.python;

import io.archlens.code.CodeFacts;
import io.archlens.code.Sink;
import io.archlens.code.StringBuild;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SQL sinks (DB-API {@code cursor.execute}, SQLAlchemy {@code text()} and {@code execute}, Django {@code raw()} and
 * {@code RawSQL}, pandas {@code read_sql}) and shell sinks ({@code subprocess.*(shell=True)}, {@code os.system},
 * {@code os.popen}, {@code asyncio.create_subprocess_shell}) with how the string they get was built.
 */
final class PySinks {
    private static final Set<String> SQL_METHODS = Set.of("execute", "executemany", "executescript", "mogrify",
            "raw", "exec_driver_sql");
    private static final Set<String> SQL_FUNCTIONS = Set.of("sqlalchemy.text", "sqlalchemy.sql.text",
            "sqlalchemy.sql.expression.text", "django.db.models.expressions.RawSQL", "django.db.models.RawSQL",
            "pandas.read_sql", "pandas.read_sql_query");
    /** Methods that run SQL on some drivers (asyncpg fetch*, pg8000 run) and mean other things elsewhere. */
    private static final Set<String> SQL_METHODS_IF_SQL = Set.of("fetch", "fetchrow", "fetchval", "cursor", "run");
    private static final Set<String> SQL_RECEIVER_WORDS = Set.of("cursor", "cur", "conn", "connection", "session",
            "db", "engine", "objects", "manager", "c", "con", "tx", "transaction");
    private static final Pattern SQL_WORDS = Pattern.compile(
            "(?i)\\b(select|insert\\s+into|update|delete\\s+from|where|create\\s+table|drop|alter\\s+table|values|order\\s+by|from)\\b");
    private static final Set<String> SUBPROCESS = Set.of("subprocess.run", "subprocess.call", "subprocess.check_call",
            "subprocess.check_output", "subprocess.Popen");
    private static final Set<String> ALWAYS_SHELL = Set.of("os.system", "os.popen", "os.popen2", "os.popen3",
            "os.popen4", "subprocess.getoutput", "subprocess.getstatusoutput", "commands.getoutput",
            "commands.getstatusoutput", "asyncio.create_subprocess_shell", "popen2.popen2", "popen2.popen3");

    private PySinks() {
    }

    static void call(SyntaxNode call, String q, PyStrings strings, CodeFacts.Builder b) {
        String m = q.substring(q.lastIndexOf('.') + 1);
        if (m.equals("BashOperator")) { // Airflow: the command runs through bash
            SyntaxNode a = Py.kwarg(call, "bash_command");
            if (a != null) {
                b.sinks.add(new Sink(Sink.Kind.COMMAND, "BashOperator", call.range(), a.range(), strings.build(a), true));
            }
            return;
        }
        if (m.equals("extra") && q.contains(".")) { // Django QuerySet.extra(where=[...]): SQL fragments
            SyntaxNode where = Py.kwarg(call, "where");
            for (SyntaxNode w : where != null && where.isAny("list", "tuple") ? where.namedChildren() : List.<SyntaxNode>of()) {
                StringBuild built = strings.build(w);
                if (built.assembledFromValues()) {
                    b.sinks.add(new Sink(Sink.Kind.SQL, Py.callee(call), call.range(), w.range(), built, false));
                }
            }
            return;
        }
        if (ALWAYS_SHELL.contains(q) || SUBPROCESS.contains(q) && Py.isTrue(Py.kwarg(call, "shell"))) {
            SyntaxNode a = Py.arg(call, 0, "args");
            if (a != null && !a.isAny("list", "tuple")) {
                b.sinks.add(new Sink(Sink.Kind.COMMAND, q, call.range(), a.range(), strings.build(a), true));
            }
            return;
        }
        boolean function = SQL_FUNCTIONS.contains(q) || q.equals("text") || q.endsWith(".text") && q.startsWith("sa")
                || q.equals("RawSQL") || q.endsWith("read_sql") || q.endsWith("read_sql_query");
        boolean generic = q.contains(".") && SQL_METHODS_IF_SQL.contains(m);
        boolean method = q.contains(".") && SQL_METHODS.contains(m) || generic;
        if (!function && !method) {
            return;
        }
        SyntaxNode a = Py.arg(call, 0, function ? "sql" : null);
        if (a == null) {
            return;
        }
        if (a.is("call") && Py.method(a).equals("text")) {
            SyntaxNode inner = Py.arg(a, 0, null);
            if (inner == null) {
                return;
            }
            a = inner;
        }
        StringBuild built = strings.build(a);
        if (!built.assembledFromValues()) {
            return;
        }
        if (method && !function && (generic || !sqlReceiver(q)) && !SQL_WORDS.matcher(literalText(a, strings)).find()) {
            return; // an execute() of something that is not visibly a database
        }
        b.sinks.add(new Sink(Sink.Kind.SQL, function ? q : Py.callee(call), call.range(), a.range(), built, false));
    }

    private static boolean sqlReceiver(String q) {
        String r = q.substring(0, q.lastIndexOf('.')).toLowerCase(Locale.ROOT);
        String last = r.substring(r.lastIndexOf('.') + 1);
        if (last.endsWith("()")) {
            last = last.substring(0, last.length() - 2);
        }
        return SQL_RECEIVER_WORDS.contains(last) || last.endsWith("cursor") || last.endsWith("conn")
                || last.endsWith("connection") || last.endsWith("session") || last.endsWith("engine")
                || last.endsWith("_db") || last.endsWith("objects");
    }

    /** The literal pieces of a string expression (followed through one variable), to see whether it reads as SQL. */
    private static String literalText(SyntaxNode a, PyStrings strings) {
        SyntaxNode n = a;
        if (n.is("identifier")) {
            SyntaxNode v = strings.valueOf(n, n.text());
            if (v != null) {
                n = v;
            }
        }
        StringBuilder b = new StringBuilder();
        for (SyntaxNode s : n.is("string") ? java.util.List.of(n) : n.descendants("string")) {
            for (SyntaxNode c : s.namedChildren()) {
                if (c.is("string_content")) {
                    b.append(c.text()).append(' ');
                }
            }
        }
        return b.toString();
    }
}

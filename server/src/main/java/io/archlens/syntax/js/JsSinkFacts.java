package io.archlens.syntax.js;

import io.archlens.code.CodeFacts;
import io.archlens.code.Sink;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Calls that interpret a string: SQL ({@code pg}/{@code mysql2} {@code query}/{@code execute}, knex {@code raw}
 * and the {@code *Raw} builders, {@code sequelize.query}, TypeORM {@code query}, Prisma's {@code $queryRawUnsafe}
 * / {@code $executeRawUnsafe}, postgres.js {@code sql.unsafe}) and shell commands ({@code child_process}
 * {@code exec}/{@code execSync}, also promisified, and {@code spawn}/{@code execFile} with {@code shell: true}).
 * Tagged templates (sql`...`, {@code prisma.$queryRaw`...`}) bind their values and are no sinks. A {@code query}
 * call counts when what it is called on is named like a database handle or its text reads as SQL.
 */
final class JsSinkFacts {
    private static final Pattern DB_NAME = Pattern.compile(
            "(?i).*(client|pool|db|conn|connection|pg|mysql|sequelize|knex|trx|tx|manager|datasource|queryrunner|"
                    + "repository|repo|database|sql|postgres)$");
    private static final Pattern SQL = Pattern.compile(
            "(?is)\\s*(select|insert|update|delete|with|create|drop|alter|truncate|merge|call|replace|upsert|grant)\\b.*");
    private static final Set<String> RAW = Set.of("raw", "whereRaw", "orWhereRaw", "orderByRaw", "havingRaw",
            "joinRaw", "groupByRaw", "fromRaw", "selectRaw");
    private static final Set<String> UNSAFE = Set.of("$queryRawUnsafe", "$executeRawUnsafe");

    private JsSinkFacts() {
    }

    static void add(JsModule m, JsStrings strings, List<SyntaxNode> calls, CodeFacts.Builder out) {
        Set<String> execNames = new HashSet<>();
        for (SyntaxNode d : m.tree().all("variable_declarator")) {
            SyntaxNode v = Js.unwrap(d.field("value"));
            if (v != null && v.is("call_expression") && Js.method(v).equals("promisify") && d.field("name") != null
                    && Js.arg(v, 0) != null && isExec(m, Js.arg(v, 0))) {
                execNames.add(d.field("name").text());
            }
        }
        for (SyntaxNode call : calls) {
            String method = Js.method(call);
            SyntaxNode arg = Js.arg(call, 0);
            if (arg != null && arg.is("object") && Js.prop(arg, "sql") != null) {
                arg = Js.prop(arg, "sql"); // mysql's query({ sql, values })
            }
            if (arg == null || method.isEmpty()) {
                continue;
            }
            SyntaxNode callee = Js.callee(call);
            SyntaxNode recv = Js.receiver(call);
            String recvName = recv == null ? "" : lastName(recv);
            String api = recv == null ? method : recvName + "." + method;
            boolean sql = UNSAFE.contains(method)
                    || (method.equals("query") || method.equals("execute")) && recv != null
                            && (DB_NAME.matcher(recvName).matches() || readsAsSql(m, arg))
                    || RAW.contains(method) && recv != null && (m.imports("knex") || DB_NAME.matcher(recvName).matches()
                            || readsAsSql(m, arg))
                    || method.equals("unsafe") && recv != null && m.imports("postgres");
            if (sql) {
                out.sinks.add(new Sink(Sink.Kind.SQL, api, callee.range(), arg.range(), strings.build(arg), false));
                continue;
            }
            boolean exec = (method.equals("exec") || method.equals("execSync")) && isExec(m, callee)
                    || callee.is("identifier") && execNames.contains(callee.text());
            boolean shellOpt = (method.startsWith("spawn") || method.startsWith("execFile"))
                    && fromChildProcess(m, callee) && shellTrue(call);
            if (exec || shellOpt) {
                out.sinks.add(new Sink(Sink.Kind.COMMAND, "child_process." + (execNames.contains(callee.text()) ? "exec" : method), callee.range(), arg.range(), strings.build(arg), true));
            }
        }
    }

    private static boolean isExec(JsModule m, SyntaxNode callee) {
        String name = callee.is("member_expression") && callee.field("property") != null
                ? callee.field("property").text() : callee.text();
        return (name.equals("exec") || name.equals("execSync")) && fromChildProcess(m, callee);
    }

    /** {@code exec} imported from child_process, or {@code cp.exec} on the module. */
    private static boolean fromChildProcess(JsModule m, SyntaxNode callee) {
        callee = Js.unwrap(callee);
        if (callee.is("identifier")) {
            return "child_process".equals(m.moduleOf(callee.text()));
        }
        if (callee.is("member_expression")) {
            SyntaxNode o = Js.unwrap(callee.field("object"));
            return o != null && (o.is("identifier") && m.isModule(o.text(), "child_process")
                    || o.is("call_expression") && o.text().replace(" ", "").matches(
                            "require\\(['\"](node:)?child_process['\"]\\)"));
        }
        return false;
    }

    private static boolean shellTrue(SyntaxNode call) {
        for (SyntaxNode a : Js.args(call)) {
            SyntaxNode shell = Js.prop(Js.unwrap(a), "shell");
            if (shell != null && !Js.isFalse(shell) && !shell.isAny("undefined", "null")) {
                return true;
            }
        }
        return false;
    }

    private static String lastName(SyntaxNode recv) {
        if (recv.is("member_expression") && recv.field("property") != null) {
            return recv.field("property").text();
        }
        if (recv.is("call_expression")) {
            return Js.method(recv);
        }
        return recv.text().toLowerCase(Locale.ROOT).equals("this") ? "this" : recv.text();
    }

    /** Whether the constant text of a string (or the variable it was built in) starts like a SQL statement. */
    private static boolean readsAsSql(JsModule m, SyntaxNode arg) {
        SyntaxNode v = arg.is("identifier") ? m.valueOf(arg) : arg;
        if (v == null) {
            return false;
        }
        StringBuilder sb = new StringBuilder();
        v.walk(n -> {
            if (n.isAny("string_fragment") && n.ancestor("template_substitution") == null) {
                sb.append(n.text()).append(' ');
            }
        });
        return SQL.matcher(sb).matches();
    }
}

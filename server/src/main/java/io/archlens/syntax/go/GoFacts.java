package io.archlens.syntax.go;

import io.archlens.code.CodeFacts;
import io.archlens.code.ConfigRead;
import io.archlens.code.ServiceUrl;
import io.archlens.code.Sink;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The language-neutral facts of a Go file: SQL sinks (database/sql, sqlx, pgx, go-pg, gorm {@code Raw}/{@code Exec}
 * and the ORM condition methods {@code Where}/{@code Or}/{@code Not}/{@code Having}) and
 * command sinks ({@code exec.Command}) with how their strings were built, environment reads, service URLs, and
 * through {@link GoHttpFacts} and {@link GoServeFacts} the HTTP clients, routes, listens and shutdown handling.
 */
public final class GoFacts {
    /** SQL methods and the index of their statement argument. */
    private static final Map<String, Integer> SQL = Map.ofEntries(Map.entry("Query", 0), Map.entry("QueryRow", 0),
            Map.entry("Exec", 0), Map.entry("Prepare", 0), Map.entry("QueryContext", 1),
            Map.entry("QueryRowContext", 1), Map.entry("ExecContext", 1), Map.entry("PrepareContext", 1),
            Map.entry("Raw", 0), Map.entry("Queryx", 0), Map.entry("QueryRowx", 0), Map.entry("MustExec", 0),
            Map.entry("QueryxContext", 1), Map.entry("QueryRowxContext", 1), Map.entry("MustExecContext", 1),
            Map.entry("Select", 1), Map.entry("Get", 1), Map.entry("SelectContext", 2), Map.entry("GetContext", 2),
            Map.entry("Preparex", 0), Map.entry("PreparexContext", 1), Map.entry("QueryOne", 1),
            Map.entry("ExecOne", 0), Map.entry("QueryEx", 1), Map.entry("ExecEx", 1), Map.entry("QueryRowEx", 1),
            Map.entry("Where", 0), Map.entry("WhereOr", 0), Map.entry("Or", 0),
            Map.entry("Not", 0), Map.entry("Having", 0), Map.entry("ColumnExpr", 0), Map.entry("OrderExpr", 0),
            Map.entry("TableExpr", 0), Map.entry("GroupExpr", 0), Map.entry("DistinctOnExpr", 0));
    /** go-pg query-builder methods whose argument is raw SQL by contract (on a {@code Model(...)} chain). */
    private static final Set<String> EXPRESSIONS = Set.of("ColumnExpr", "OrderExpr", "TableExpr", "GroupExpr",
            "DistinctOnExpr");
    /** ORM condition methods: their argument is a fragment ({@code "name = '" + n + "'"}), not a statement. */
    private static final Set<String> CONDITIONS = Set.of("Where", "WhereOr", "Or", "Not", "Having");
    private static final Pattern ANY = Pattern.compile("");
    private static final Pattern CONDITION_WORDS = Pattern.compile("(?i)[=<>]|\\b(like|in|is|between)\\b");
    private static final Pattern SQL_WORDS = Pattern.compile(
            "(?i)\\b(select|insert\\s+into|update|delete\\s+from|from|where|values|create\\s+table|drop|alter|"
                    + "order\\s+by|group\\s+by|join|set|truncate|grant|call)\\b");
    private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "ksh", "dash", "/bin/sh", "/bin/bash",
            "/usr/bin/sh", "/usr/bin/bash", "/usr/bin/env", "cmd", "cmd.exe", "powershell", "pwsh");

    private GoFacts() {
    }

    public static CodeFacts extract(CodeTree tree) {
        CodeFacts.Builder b = CodeFacts.builder();
        GoStrings strings = new GoStrings(tree);
        Set<String> helpers = envHelpers(tree);
        for (SyntaxNode call : tree.all("call_expression")) {
            sink(call, strings, b);
            env(call, helpers, b);
        }
        for (String type : List.of("interpreted_string_literal", "raw_string_literal")) {
            for (SyntaxNode s : tree.all(type)) {
                url(s, b);
            }
        }
        GoHttpFacts.extract(tree, b);
        GoServeFacts.extract(tree, b);
        GoEntities.extract(tree, b);
        GoEnvTags.extract(tree, b);
        return b.build();
    }

    private static void sink(SyntaxNode call, GoStrings strings, CodeFacts.Builder b) {
        String callee = Go.callee(call);
        List<SyntaxNode> args = Go.args(call);
        if (callee.equals("exec.Command") || callee.equals("exec.CommandContext")) {
            int first = callee.equals("exec.Command") ? 0 : 1;
            if (args.size() <= first) {
                return;
            }
            String program = Go.stringValue(args.get(first));
            boolean shell = program != null && SHELLS.contains(program.toLowerCase(Locale.ROOT));
            String flag = args.size() > first + 2 ? Go.stringValue(args.get(first + 1)) : null;
            if (shell && flag != null && (flag.equals("-c") || flag.equalsIgnoreCase("/c") || flag.equals("-Command"))) {
                SyntaxNode script = args.get(first + 2);
                b.sinks.add(new Sink(Sink.Kind.COMMAND, callee, call.range(), script.range(),
                        strings.build(script).build(), true));
            } else if (!shell) {
                SyntaxNode p = args.get(first);
                b.sinks.add(new Sink(Sink.Kind.COMMAND, callee, call.range(), p.range(), strings.build(p).build(),
                        false));
            }
            return;
        }
        String method = Go.method(call);
        Integer at = SQL.get(method);
        if (at == null || Go.receiver(call) == null || callee.startsWith("http.")) {
            return;
        }
        // a statement shows itself by its words (Get/Select/Exec are common names for other things); drivers put
        // a context (pgx, go-pg: Query(ctx, sql)) or a model (go-pg: QueryOne(model, sql)) before it
        Pattern words = CONDITIONS.contains(method) ? CONDITION_WORDS : SQL_WORDS;
        if (EXPRESSIONS.contains(method)) {
            if (!Go.receiver(call).text().contains("Model(")) {
                return;
            }
            words = ANY; // raw SQL by the API's contract, whatever words it holds
        }
        SyntaxNode q = null;
        GoStrings.Built built = null;
        for (int i : new int[] {at, at + 1, at - 1}) {
            if (i >= 0 && i < args.size()) {
                GoStrings.Built t = strings.build(args.get(i));
                if (words.matcher(t.literals()).find()) {
                    q = args.get(i);
                    built = t;
                    break;
                }
            }
        }
        if (q == null) {
            return;
        }
        String receiver = Go.receiver(call).compactText();
        b.sinks.add(new Sink(Sink.Kind.SQL, receiver + "." + Go.method(call), call.range(), q.range(),
                built.build(), false));
    }

    /**
     * {@code os.Getenv("X")}, {@code os.LookupEnv("X")}; a default assigned when the value is empty is kept. A
     * helper of the file that reads the variable named by its first parameter ({@code getEnv("PORT", "8080")})
     * counts as a read with its second argument as the default.
     */
    private static void env(SyntaxNode call, Set<String> helpers, CodeFacts.Builder b) {
        String callee = Go.callee(call);
        if (helpers.contains(callee)) {
            String key = Go.stringValue(Go.arg(call, 0));
            if (key != null) {
                b.configReads.add(new ConfigRead("env", key, Go.stringValue(Go.arg(call, 1)), call.range()));
            }
            return;
        }
        if (!callee.equals("os.Getenv") && !callee.equals("os.LookupEnv")) {
            return;
        }
        SyntaxNode a = Go.arg(call, 0);
        String key = Go.stringValue(a);
        String dflt = key == null ? null : GoServeFacts.envDefault(call);
        if (dflt == null && key != null && compared(call)) {
            dflt = ""; // if os.Getenv("CI") != "" {...}: the code is ready for it to be unset
        }
        b.configReads.add(new ConfigRead("env", key, dflt, call.range()));
    }

    /** The read is an operand of {@code ==}/{@code !=} (a presence test or a switch on its value). */
    private static boolean compared(SyntaxNode call) {
        SyntaxNode p = call.parent();
        while (p != null && p.is("parenthesized_expression")) {
            p = p.parent();
        }
        if (p == null || !p.is("binary_expression")) {
            return false;
        }
        String op = p.field("operator") == null ? "" : p.field("operator").text();
        return op.equals("==") || op.equals("!=");
    }

    /** Functions of the file whose first parameter names the environment variable they read. */
    static Set<String> envHelpers(CodeTree tree) {
        Set<String> out = new java.util.HashSet<>();
        for (SyntaxNode fn : tree.all("function_declaration")) {
            SyntaxNode name = fn.field("name");
            SyntaxNode params = fn.field("parameters");
            SyntaxNode first = params == null || params.namedChildren().isEmpty() ? null : params.namedChildren().get(0);
            if (name == null || first == null || first.fieldAll("name").isEmpty()) {
                continue;
            }
            String p = first.fieldAll("name").get(0).text();
            for (SyntaxNode c : fn.descendants("call_expression")) {
                String callee = Go.callee(c);
                if ((callee.equals("os.Getenv") || callee.equals("os.LookupEnv")) && Go.arg(c, 0) != null
                        && Go.arg(c, 0).text().equals(p)) {
                    out.add(name.text());
                    break;
                }
            }
        }
        return out;
    }

    private static void url(SyntaxNode s, CodeFacts.Builder b) {
        String v = Go.stringValue(s);
        if (v == null || !(v.startsWith("http://") || v.startsWith("https://") || v.startsWith("grpc://")
                || v.startsWith("amqp://") || v.startsWith("redis://") || v.startsWith("nats://"))
                || v.contains("%") || v.contains("{") || v.contains(" ")) {
            return;
        }
        try {
            URI u = URI.create(v);
            if (u.getHost() != null && !u.getHost().isEmpty()) {
                b.urls.add(new ServiceUrl(v, u.getScheme(), u.getHost(), u.getPort() < 0 ? null : u.getPort(),
                        s.range()));
            }
        } catch (IllegalArgumentException e) {
            // not a URL after all
        }
    }

}

package io.archlens.syntax.java;

import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import io.archlens.code.Sink;
import io.archlens.code.StringBuild;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The SQL and command sinks of a Java file: JDBC ({@code Statement}, {@code Connection.prepareStatement}),
 * Spring's {@code JdbcTemplate}/{@code NamedParameterJdbcTemplate}/{@code JdbcClient}, JPA/Hibernate queries,
 * {@code Runtime.exec} and {@code ProcessBuilder}. The receiver is recognised by its declared type, or by its
 * name when the declaration is out of sight.
 */
final class JavaSinkFacts {
    /** Receiver type (simple name) → the methods whose first argument is SQL. */
    private static final Map<String, Set<String>> SQL = Map.ofEntries(
            Map.entry("JdbcTemplate", Set.of("query", "queryForObject", "queryForList", "queryForMap",
                    "queryForRowSet", "queryForStream", "queryForLong", "queryForInt", "update", "batchUpdate",
                    "execute")),
            Map.entry("NamedParameterJdbcTemplate", Set.of("query", "queryForObject", "queryForList", "queryForMap",
                    "queryForRowSet", "queryForStream", "update", "batchUpdate", "execute")),
            Map.entry("Statement", Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
                    "addBatch")),
            Map.entry("Connection", Set.of("prepareStatement", "prepareCall", "nativeSQL")),
            Map.entry("EntityManager", Set.of("createNativeQuery", "createQuery")),
            Map.entry("Session", Set.of("createQuery", "createNativeQuery", "createSQLQuery")),
            Map.entry("JdbcClient", Set.of("sql")),
            Map.entry("DatabaseClient", Set.of("sql")),
            Map.entry("SqlClient", Set.of("query", "preparedQuery", "prepare")),
            Map.entry("PersistenceManager", Set.of("newQuery")),
            Map.entry("Query", Set.of("setFilter", "setGrouping", "setOrdering")));
    private static final Map<String, String> TYPE_ALIASES = Map.of(
            "JdbcOperations", "JdbcTemplate", "NamedParameterJdbcOperations", "NamedParameterJdbcTemplate",
            "PreparedStatement", "Statement", "CallableStatement", "Statement", "SqlConnection", "SqlClient",
            "Pool", "SqlClient", "PgPool", "SqlClient", "MySQLPool", "SqlClient");
    /** Receiver type → the methods whose argument at the given index is an expression or script. */
    private static final Map<String, Map<String, Integer>> EXPRESSIONS = Map.of(
            "ExpressionParser", Map.of("parseExpression", 0, "parseRaw", 0),
            "ScriptEngine", Map.of("eval", 0),
            "GroovyShell", Map.of("evaluate", 0, "parse", 0),
            "ELProcessor", Map.of("eval", 0, "getValue", 0),
            "ExpressionFactory", Map.of("createValueExpression", 1, "createMethodExpression", 1),
            "Ognl", Map.of("parseExpression", 0, "getValue", 0, "setValue", 0),
            "OgnlUtil", Map.of("getValue", 0, "setValue", 0, "compile", 0),
            "ReflectionProvider", Map.of("getValue", 0, "setValue", 0, "getGetMethod", 1, "getSetMethod", 1),
            "OgnlTextParser", Map.of("evaluate", 0),
            "GroovyClassLoader", Map.of("parseClass", 0));
    private static final Set<String> LDAP_CONTEXTS = Set.of("DirContext", "InitialDirContext", "LdapContext",
            "InitialLdapContext", "EventDirContext", "LdapCtx", "LdapTemplate", "LdapOperations");
    private static final Map<String, String> EXPRESSION_ALIASES = Map.of("SpelExpressionParser", "ExpressionParser",
            "TemplateAwareExpressionParser", "ExpressionParser", "Compilable", "ScriptEngine",
            "NashornScriptEngine", "ScriptEngine", "OgnlReflectionProvider", "ReflectionProvider");
    private static final Set<String> SHELLS = Set.of("sh", "bash", "/bin/sh", "/bin/bash", "cmd", "cmd.exe",
            "powershell", "zsh", "/bin/zsh");

    private JavaSinkFacts() {
    }

    static void sinks(JavaFile f, List<Sink> out) {
        StringTracker strings = new StringTracker(f);
        for (MethodCallExpr c : f.all(MethodCallExpr.class)) {
            if (c.getArguments().isEmpty()) {
                continue;
            }
            String receiver = receiverType(c);
            Set<String> methods = receiver == null ? null : SQL.get(receiver);
            if (methods == null && c.getNameAsString().equals("executeQuery") && peer(c)) {
                receiver = "BasePeer"; // Apache Torque/Turbine peers: executeQuery(String sql, ...)
                methods = Set.of("executeQuery");
            }
            if (methods != null && methods.contains(c.getNameAsString())) {
                Expression arg = c.getNameAsString().equals("newQuery") ? c.getArgument(c.getArguments().size() - 1)
                        : c.getArgument(0);
                out.add(new Sink(Sink.Kind.SQL, receiver + "." + c.getNameAsString(), f.nameRange(c), f.range(arg),
                        strings.build(arg), false));
                if (c.getNameAsString().equals("batchUpdate")) { // batchUpdate(String... sql)
                    for (Expression more : c.getArguments().subList(1, c.getArguments().size())) {
                        if (more.isNameExpr() && "String".equals(Decls.typeOf(more, more.asNameExpr().getNameAsString()))) {
                            out.add(new Sink(Sink.Kind.SQL, receiver + ".batchUpdate", f.nameRange(c), f.range(more),
                                    strings.build(more), false));
                        }
                    }
                }
            } else if (c.getNameAsString().equals("sqlRestriction") && c.getScope().map(x -> x.toString()
                    .endsWith("Restrictions")).orElse(false)) {
                Expression arg = c.getArgument(0);
                out.add(new Sink(Sink.Kind.SQL, "Restrictions.sqlRestriction", f.nameRange(c), f.range(arg),
                        strings.build(arg), false));
            } else if (c.getNameAsString().startsWith("executeBatchUpdate") && c.getScope().map(x -> x.toString()
                    .endsWith("BatchUpdateUtils")).orElse(false)) {
                Expression arg = c.getArgument(0);
                out.add(new Sink(Sink.Kind.SQL, "BatchUpdateUtils." + c.getNameAsString(), f.nameRange(c),
                        f.range(arg), strings.build(arg), false));
            } else if (expression(c) >= 0 && c.getArguments().size() > expression(c)) {
                Expression arg = source(c.getArgument(expression(c)));
                out.add(new Sink(Sink.Kind.EXPRESSION, receiverName(c) + "." + c.getNameAsString(), f.nameRange(c),
                        f.range(arg), strings.build(arg), false));
            } else if (c.getNameAsString().equals("search") && c.getArguments().size() >= 3
                    && receiver != null && LDAP_CONTEXTS.contains(receiver)) {
                Expression arg = c.getArgument(1);
                out.add(new Sink(Sink.Kind.LDAP, receiver + ".search", f.nameRange(c), f.range(arg),
                        strings.build(arg), false));
            } else if (c.getNameAsString().equals("exec") && runtime(c)) {
                command(f, strings, c.getNameAsString(), c, c.getArguments(), out, "Runtime.exec");
            } else if ((c.getNameAsString().equals("loadLibrary") || c.getNameAsString().equals("load"))
                    && c.getArguments().size() == 1 && (runtime(c) || c.getScope().map(x -> x.toString()
                    .equals("System")).orElse(false))) {
                Expression name = source(c.getArgument(0));
                out.add(new Sink(Sink.Kind.COMMAND, (runtime(c) ? "Runtime." : "System.") + c.getNameAsString(),
                        f.nameRange(c), f.range(name), strings.build(name), false));
            } else if (c.getNameAsString().equals("command") && receiverIs(c, "ProcessBuilder")) {
                command(f, strings, "command", c, c.getArguments(), out, "ProcessBuilder.command");
            }
        }
        for (ObjectCreationExpr oc : f.all(ObjectCreationExpr.class)) {
            if (oc.getType().getNameAsString().equals("PreparedStatementCreatorFactory") && !oc.getArguments().isEmpty()) {
                Expression arg = oc.getArgument(0);
                out.add(new Sink(Sink.Kind.SQL, "new PreparedStatementCreatorFactory", f.range(oc.getType()),
                        f.range(arg), strings.build(arg), false));
            }
            if (oc.getType().getNameAsString().equals("ProcessBuilder") && !oc.getArguments().isEmpty()) {
                command(f, strings, "ProcessBuilder", oc, oc.getArguments(), out, "new ProcessBuilder");
            }
        }
    }

    private static void command(JavaFile f, StringTracker strings, String name, Expression call, List<Expression> args,
            List<Sink> out, String api) {
        List<Expression> words = args;
        if (args.size() == 1 && args.get(0) instanceof ArrayCreationExpr ac && ac.getInitializer().isPresent()) {
            words = ac.getInitializer().get().getValues();
        } else if (args.size() == 1 && args.get(0) instanceof MethodCallExpr mc
                && (mc.getNameAsString().equals("of") || mc.getNameAsString().equals("asList"))) {
            words = mc.getArguments();
        }
        List<Expression> listed = args.size() == 1 && args.get(0).isNameExpr() ? listAdds(args.get(0).asNameExpr()) : null;
        if (listed != null) { // a List<String> filled with add(...): shell words from any branch, then the script
            boolean viaShell = listed.stream().anyMatch(w -> w.isStringLiteralExpr()
                    && SHELLS.contains(w.asStringLiteralExpr().getValue().toLowerCase(Locale.ROOT)));
            com.github.javaparser.ast.Node at = call instanceof MethodCallExpr mc ? mc.getName()
                    : ((ObjectCreationExpr) call).getType();
            for (Expression w : listed) {
                if (viaShell && !w.isStringLiteralExpr()) {
                    out.add(new Sink(Sink.Kind.COMMAND, api, f.range(at), f.range(w), strings.build(w), true));
                }
            }
            return;
        }
        boolean single = words.size() == 1 && !(args.get(0) instanceof ArrayCreationExpr);
        boolean shell = words.size() >= 3 && words.get(0).isStringLiteralExpr()
                && SHELLS.contains(words.get(0).asStringLiteralExpr().getValue().toLowerCase(Locale.ROOT))
                && words.get(1).isStringLiteralExpr();
        com.github.javaparser.ast.Node at = call instanceof MethodCallExpr mc ? mc.getName()
                : ((ObjectCreationExpr) call).getType();
        if (shell) {
            Expression script = words.get(2);
            out.add(new Sink(Sink.Kind.COMMAND, api, f.range(at), f.range(script), strings.build(script), true));
        } else if (single && api.equals("Runtime.exec")) {
            Expression line = words.get(0);
            out.add(new Sink(Sink.Kind.COMMAND, api, f.range(at), f.range(line), strings.build(line), false));
        }
    }

    /** The arguments of {@code var.add(x)} calls in the method, when {@code var} is a local List; else null. */
    private static List<Expression> listAdds(com.github.javaparser.ast.expr.NameExpr var) {
        String name = var.getNameAsString();
        String type = Decls.find(var, name).filter(d -> d.local() != null).map(Decls.Decl::typeName).orElse(null);
        if (type == null || !type.replaceAll("<.*", "").matches("(java\\.util\\.)?(List|ArrayList|LinkedList)")) {
            return null;
        }
        List<Expression> out = new java.util.ArrayList<>();
        Jx.callable(var).ifPresent(m -> m.findAll(MethodCallExpr.class).forEach(c -> {
            if (c.getNameAsString().equals("add") && c.getArguments().size() == 1 && c.getScope()
                    .map(x -> x.isNameExpr() && x.asNameExpr().getNameAsString().equals(name)).orElse(false)) {
                out.add(c.getArgument(0));
            }
        }));
        return out.isEmpty() ? null : out;
    }

    /** Script sources that only wrap where the script is: {@code new File(path)}, a reader over it, a URI. */
    private static final Set<String> WRAPPERS = Set.of("File", "URI", "URL", "InputStreamReader", "FileInputStream",
            "FileReader", "GroovyCodeSource", "StringReader");

    private static Expression source(Expression e) {
        Expression cur = e;
        while (cur instanceof ObjectCreationExpr oc && WRAPPERS.contains(oc.getType().getNameAsString())
                && !oc.getArguments().isEmpty()) {
            cur = oc.getArgument(0);
        }
        return cur;
    }

    /** The index of the expression argument when the call evaluates an expression language or script, else -1. */
    private static int expression(MethodCallExpr c) {
        String r = receiverName(c);
        Map<String, Integer> methods = r == null ? null : EXPRESSIONS.get(r);
        Integer at = methods == null ? null : methods.get(c.getNameAsString());
        return at == null ? -1 : at;
    }

    /** The receiver's type for expression languages: a declared type, or the class of a static call (Ognl). */
    private static String receiverName(MethodCallExpr c) {
        String r = receiverType(c);
        if (r == null) {
            r = c.getScope().filter(Expression::isNameExpr).map(x -> x.asNameExpr().getNameAsString())
                    .filter(n -> n.equals("Ognl") || n.equals("OgnlUtil")).orElse(null);
        }
        return r == null ? null : EXPRESSION_ALIASES.getOrDefault(r, r);
    }

    /** A Torque/Turbine peer class: a receiver (or static class) whose type name ends in "Peer". */
    private static boolean peer(MethodCallExpr c) {
        Expression s = c.getScope().orElse(null);
        if (s == null || !s.isNameExpr()) {
            return false;
        }
        String type = Decls.typeOf(c, s.asNameExpr().getNameAsString());
        String name = type != null ? type : s.asNameExpr().getNameAsString();
        return name.endsWith("Peer") && Character.isUpperCase(name.charAt(0));
    }

    private static boolean runtime(MethodCallExpr c) {
        Expression s = c.getScope().orElse(null);
        if (s instanceof MethodCallExpr m && m.getNameAsString().equals("getRuntime")) {
            return true;
        }
        return receiverIs(c, "Runtime");
    }

    private static boolean receiverIs(MethodCallExpr c, String simple) {
        String r = receiverType(c);
        return simple.equals(r);
    }

    /** The simple type name of a call's receiver: declared type of a name, a known factory call, or by name. */
    static String receiverType(MethodCallExpr c) {
        Expression s = c.getScope().orElse(null);
        if (s == null) {
            return null;
        }
        if (s instanceof MethodCallExpr m) {
            String n = m.getNameAsString();
            if (n.equals("createStatement")) {
                return "Statement";
            }
            if (n.equals("getConnection") || n.equals("connection")) {
                return "Connection";
            }
            if (n.equals("getCurrentSession") || n.equals("openSession")) {
                return "Session";
            }
            if (n.equals("getJdbcTemplate")) {
                return "JdbcTemplate";
            }
            return null;
        }
        String name = s.isNameExpr() ? s.asNameExpr().getNameAsString()
                : s.isFieldAccessExpr() ? s.asFieldAccessExpr().getNameAsString() : null;
        if (name == null) {
            return null;
        }
        String type = Decls.typeOf(c, name);
        if (type != null) {
            String simple = type.replaceAll("<.*", "");
            simple = simple.substring(simple.lastIndexOf('.') + 1);
            return TYPE_ALIASES.getOrDefault(simple, simple);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("jdbctemplate") || lower.equals("jdbc")) {
            return "JdbcTemplate";
        }
        if (lower.equals("em") || lower.equals("entitymanager")) {
            return "EntityManager";
        }
        if (lower.equals("stmt") || lower.equals("statement")) {
            return "Statement";
        }
        return null;
    }

    static boolean unsafe(StringBuild b) {
        return b.assembledFromValues();
    }
}

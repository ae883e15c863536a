package io.archlens.syntax.js;

import io.archlens.code.CodeFacts;
import io.archlens.code.ConfigRead;
import io.archlens.code.Listen;
import io.archlens.code.Route;
import io.archlens.code.ServiceUrl;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a JavaScript/TypeScript file tells the cross-file model: environment reads ({@code process.env.X},
 * {@code process.env['X']}, destructuring, {@code || 'x'} / {@code ?? 'x'} fallbacks), Express/Fastify/Koa routes,
 * ports listened on, literal service URLs and whether the process handles SIGTERM. NestJS controllers and TypeORM
 * entities are read by {@link JsDecorated}.
 */
final class JsServerFacts {
    static final Set<String> VERBS = Set.of("get", "post", "put", "delete", "patch", "options", "head", "all");
    private static final Pattern SERVER_NAME = Pattern.compile("(?i).*(app|server|srv|fastify|instance)");
    private static final Pattern SERVER_FACTORY = Pattern.compile(
            "(?s)(express|Fastify|fastify|(https?\\.)?createServer|(https?\\.)?createSecureServer|new\\s+Koa|"
                    + "new\\s+Hapi\\.Server|Hapi\\.server|(await\\s+)?NestFactory\\.create)\\b.*");
    private static final Pattern URL = Pattern.compile(
            "(https?|wss?|grpcs?|amqps?|redis|rediss|mongodb(?:\\+srv)?|postgres(?:ql)?|mysql|nats|kafka)://"
                    + "(?:[^@/\\s]*@)?([A-Za-z0-9_.-]+|\\[[0-9a-fA-F:]+])(?::(\\d{1,5}))?(?:[/?#]\\S*)?");
    /** Names of graceful-shutdown helpers; searched with indexOf (a regex alternation over a whole file is slow). */
    private static final List<String> GRACEFUL = List.of("enableShutdownHooks", "createTerminus", "createHttpTerminator",
            "stoppable", "@godaddy/terminus", "http-terminator", "lightship", "close-with-grace",
            "fastify-graceful-shutdown", "closeWithGrace", "http-graceful-shutdown", "gracefulShutdown");

    private JsServerFacts() {
    }

    static void add(JsModule m, List<SyntaxNode> calls, CodeFacts.Builder out) {
        envReads(m, out);
        out.configReads.sort(java.util.Comparator.comparingInt(r -> r.range().start()));
        boolean handled = false;
        for (SyntaxNode call : calls) {
            String method = Js.method(call);
            SyntaxNode recv = Js.receiver(call);
            if (method.equals("listen") && recv != null && isServer(m, recv)) {
                listen(m, call, out);
            } else if (VERBS.contains(method) && recv != null) {
                route(m, call, recv, method, out);
            } else if (recv != null && (method.equals("use") || method.equals("setGlobalPrefix"))) {
                mount(call, method, out);
            } else if (method.equals("route") && recv != null) {
                SyntaxNode o = Js.arg(call, 0);
                String url = Js.stringValue(Js.prop(o, "url"));
                String verb = Js.stringValue(Js.prop(o, "method"));
                if (url != null) {
                    SyntaxNode h = Js.prop(o, "handler");
                    out.routes.add(new Route(verb == null ? "*" : verb.toUpperCase(Locale.ROOT), url,
                            h == null ? null : handlerName(h), Js.callee(call).range()));
                }
            }
        }
        for (SyntaxNode s : m.tree().all("string_fragment")) {
            String v = s.text();
            if (v.equals("SIGTERM") || v.equals("SIGINT")) {
                handled = true;
            }
            Matcher u = URL.matcher(v);
            if (u.matches() && s.parent() != null && s.parent().is("string") || u.matches()
                    && s.parent().is("template_string") && s.parent().childOfType("template_substitution") == null) {
                String port = u.group(3);
                out.urls.add(new ServiceUrl(v, u.group(1), u.group(2), port == null ? null : Integer.valueOf(port),
                        s.parent().range()));
            }
        }
        String text = m.tree().text();
        handled |= GRACEFUL.stream().anyMatch(text::contains);
        out.shutdown = handled ? CodeFacts.Shutdown.HANDLED
                : out.listens.isEmpty() ? CodeFacts.Shutdown.UNKNOWN : CodeFacts.Shutdown.NOT_HANDLED;
    }

    private static void envReads(JsModule m, CodeFacts.Builder out) {
        for (SyntaxNode e : m.tree().all("member_expression")) {
            if (isEnv(e) && wholeEnv(e)) {
                // validate(process.env), {...process.env}, envalid's cleanEnv(process.env, ...): names not in view
                out.configReads.add(new ConfigRead("env", null, null, e.range()));
                continue;
            }
            SyntaxNode o = Js.unwrap(e.field("object"));
            if (o != null && isEnv(o) && e.field("property") != null && !assigned(e)) {
                out.configReads.add(new ConfigRead("env", e.field("property").text(), fallback(e), e.range()));
            }
        }
        for (SyntaxNode e : m.tree().all("subscript_expression")) {
            SyntaxNode o = Js.unwrap(e.field("object"));
            if (o != null && isEnv(o) && !assigned(e)) {
                SyntaxNode idx = e.field("index");
                out.configReads.add(new ConfigRead("env", Js.stringValue(idx), fallback(e), e.range()));
            }
        }
        for (SyntaxNode d : m.tree().all("variable_declarator")) {
            SyntaxNode v = Js.unwrap(d.field("value"));
            SyntaxNode name = d.field("name");
            if (v == null || !isEnv(v) || name == null || !name.is("object_pattern")) {
                continue;
            }
            for (SyntaxNode p : name.namedChildren()) {
                if (p.is("shorthand_property_identifier_pattern")) {
                    out.configReads.add(new ConfigRead("env", p.text(), null, p.range()));
                } else if (p.is("object_assignment_pattern") && p.field("left") != null) {
                    out.configReads.add(new ConfigRead("env", p.field("left").text(), literal(p.field("right")),
                            p.range()));
                } else if (p.is("pair_pattern")) {
                    SyntaxNode val = p.field("value");
                    String fb = val != null && val.is("assignment_pattern") ? literal(val.field("right")) : null;
                    out.configReads.add(new ConfigRead("env", Js.keyName(p.field("key")), fb, p.range()));
                }
            }
        }
    }

    /** {@code process.env} handed on as a whole: an argument, spread, or a value assigned or returned. */
    private static boolean wholeEnv(SyntaxNode e) {
        SyntaxNode p = e.parent();
        while (p != null && p.isAny("parenthesized_expression", "as_expression", "non_null_expression")) {
            p = p.parent();
        }
        return p != null && p.isAny("arguments", "spread_element", "variable_declarator", "return_statement", "pair")
                && !(p.is("variable_declarator") && p.field("name") != null && p.field("name").is("object_pattern"));
    }

    private static boolean isEnv(SyntaxNode n) {
        SyntaxNode p = n.is("member_expression") ? n.field("property") : null;
        return p != null && p.text().equals("env") && n.text().replace(" ", "").equals("process.env");
    }

    private static boolean assigned(SyntaxNode e) {
        SyntaxNode p = e.parent();
        return p != null && p.isAny("assignment_expression", "augmented_assignment_expression")
                && e.equals(p.field("left"));
    }

    /**
     * The read's default: the literal after {@code ||} or {@code ??} (through casts and parentheses), else the text
     * of a computed one ({@code process.env.PORT ?? config.get('port')}); "" for a read the code only tests
     * ({@code if (process.env.CI)}, {@code process.env.NODE_ENV === 'test'}, {@code &&}, a ternary's condition) or
     * reads inside a branch ({@link #conditional}); null when the code takes it as given.
     */
    static String fallback(SyntaxNode e) {
        SyntaxNode n = e;
        while (n.parent() != null && n.parent().isAny("non_null_expression", "as_expression", "parenthesized_expression",
                "satisfies_expression")) {
            n = n.parent();
        }
        SyntaxNode p = n.parent();
        if (p != null && p.is("binary_expression")) {
            String op = JsStrings.operator(p);
            if (("||".equals(op) || "??".equals(op)) && n.equals(p.field("left"))) {
                String lit = literal(p.field("right"));
                return lit != null ? lit : p.field("right") == null ? "" : p.field("right").text();
            }
            if ("&&".equals(op) || "===".equals(op) || "!==".equals(op) || "==".equals(op) || "!=".equals(op)) {
                return "";
            }
        }
        if (p != null && (p.is("unary_expression") || p.isAny("if_statement", "while_statement")
                || p.is("ternary_expression") && n.equals(p.field("condition")))) {
            return "";
        }
        return conditional(n) ? "" : null;
    }

    /** Inside an {@code if}/{@code else} branch, a {@code try} block or a {@code switch} case. */
    private static boolean conditional(SyntaxNode n) {
        for (SyntaxNode p = n.parent(); p != null; p = p.parent()) {
            if (p.isAny("function_declaration", "arrow_function", "function_expression", "method_definition",
                    "class_body", "program")) {
                return false;
            }
            if (p.is("statement_block") && p.parent() != null
                    && p.parent().isAny("if_statement", "else_clause", "try_statement", "switch_case")) {
                return true;
            }
            if (p.isAny("else_clause", "switch_case") || p.is("if_statement") && !n.equals(p.field("condition"))
                    && p.field("condition") != null && !p.field("condition").contains(n)) {
                return true;
            }
        }
        return false;
    }

    private static String literal(SyntaxNode n) {
        n = Js.unwrap(n);
        if (n == null) {
            return null;
        }
        String s = Js.stringValue(n);
        return s != null ? s : n.isAny("number", "true", "false") ? n.text() : null;
    }

    private static boolean isServer(JsModule m, SyntaxNode recv) {
        if (recv.is("call_expression")) {
            return SERVER_FACTORY.matcher(recv.text()).matches();
        }
        if (!recv.is("identifier") && !recv.is("member_expression")) {
            return false;
        }
        if (SERVER_NAME.matcher(recv.text()).matches()) {
            return true;
        }
        SyntaxNode v = recv.is("identifier") ? m.valueOf(recv) : null;
        return v != null && SERVER_FACTORY.matcher(v.text()).matches();
    }

    private static void listen(JsModule m, SyntaxNode call, CodeFacts.Builder out) {
        SyntaxNode a = Js.arg(call, 0);
        if (a != null && a.is("object")) {
            a = Js.prop(a, "port");
        }
        Integer port = null;
        String key = null;
        for (int hop = 0; a != null && hop < 3; hop++) {
            a = Js.unwrap(a);
            if (a.is("identifier")) {
                a = m.valueOf(a);
                continue;
            }
            if (a.is("call_expression") && Js.calleeText(a).matches("Number|parseInt|Number\\.parseInt")) {
                a = Js.arg(a, 0);
                continue;
            }
            if (a.is("binary_expression") && ("||".equals(JsStrings.operator(a)) || "??".equals(JsStrings.operator(a)))) {
                port = number(a.field("right"));
                a = a.field("left");
                continue;
            }
            if (a.is("number")) {
                port = number(a);
            } else if (a.isAny("member_expression", "subscript_expression") && isEnv(Js.unwrap(a.field("object")))) {
                key = a.is("member_expression") ? a.field("property").text() : Js.stringValue(a.field("index"));
            }
            break;
        }
        out.listens.add(new Listen(port, key, Js.callee(call).range()));
    }

    /**
     * Routers mounted under a prefix: Express {@code app.use("/api", router)} (a prefix that is not a literal is
     * recorded as unknown; {@code app.use(middleware)} mounts nothing), Nest {@code app.setGlobalPrefix("api")}.
     */
    private static void mount(SyntaxNode call, String method, CodeFacts.Builder out) {
        List<SyntaxNode> args = Js.args(call);

        if (args.isEmpty() || method.equals("use") && args.size() < 2) {
            return;
        }
        SyntaxNode first = Js.unwrap(args.get(0));
        String prefix = Js.stringValue(first);
        if (prefix == null && (first == null || first.isAny("arrow_function", "function_expression", "function",
                "call_expression", "array", "object"))) {
            return; // app.use(cors(), router), app.use([a, b]): middleware, no path
        }
        if (method.equals("use") && prefix != null && !prefix.startsWith("/")) {
            return;
        }
        out.mounts.add(new io.archlens.code.Mount(prefix, Js.callee(call).range()));
    }

    private static Integer number(SyntaxNode n) {
        n = Js.unwrap(n);
        String s = n == null ? null : n.is("number") ? n.text() : Js.stringValue(n);
        return s != null && s.matches("\\d{1,5}") ? Integer.valueOf(s) : null;
    }

    private static void route(JsModule m, SyntaxNode call, SyntaxNode recv, String method, CodeFacts.Builder out) {
        List<SyntaxNode> args = Js.args(call);
        String path = Js.stringValue(Js.arg(call, 0));
        if (recv.is("call_expression") && Js.method(recv).equals("route") && !args.isEmpty()) {
            path = Js.stringValue(Js.arg(recv, 0));
            args = java.util.stream.Stream.concat(java.util.stream.Stream.of((SyntaxNode) null), args.stream()).toList();
        } else if (!recv.isAny("identifier", "member_expression") || m.moduleOf(recv.text()) != null
                || recv.is("identifier") && m.valueOf(recv) != null && m.valueOf(recv).text().contains("axios")) {
            return;
        }
        if (path == null || !(path.startsWith("/") || path.equals("*")) || args.size() < 2) {
            return;
        }
        SyntaxNode h = Js.unwrap(args.get(args.size() - 1));
        if (h == null || !h.isAny("arrow_function", "function_expression", "function", "identifier",
                "member_expression", "call_expression")) {
            return;
        }
        out.routes.add(new Route(method.equals("all") ? "*" : method.toUpperCase(Locale.ROOT), path, handlerName(h),
                Js.callee(call).range()));
    }

    private static String handlerName(SyntaxNode h) {
        h = Js.unwrap(h);
        if (h.isAny("identifier", "member_expression")) {
            return h.text();
        }
        if (h.is("call_expression")) { // asyncHandler(getUser)
            SyntaxNode inner = Js.arg(h, 0);
            return inner != null && inner.isAny("identifier", "member_expression") ? inner.text() : Js.calleeText(h);
        }
        return Js.functionName(h);
    }
}

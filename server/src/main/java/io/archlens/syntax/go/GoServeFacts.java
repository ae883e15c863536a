package io.archlens.syntax.go;

import io.archlens.code.CodeFacts;
import io.archlens.code.CodeFacts.Shutdown;
import io.archlens.code.Listen;
import io.archlens.code.Route;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Go server serves and how it stops: routes (net/http and Go 1.22 method patterns, gorilla/mux, chi, gin,
 * echo, with gin groups and chi sub-routers prefixed), the ports it listens on ({@code http.ListenAndServe},
 * {@code http.Server{Addr}}, gin {@code Run}, echo {@code Start}, {@code net.Listen}; {@code ":" + os.Getenv("PORT")}
 * gives the key), and whether SIGTERM is handled ({@code signal.Notify}/{@code NotifyContext} with SIGTERM or with
 * no signal list: HANDLED; a server started without it: NOT_HANDLED; {@code os.Interrupt} alone is SIGINT, which
 * an orchestrator does not send).
 */
final class GoServeFacts {
    private static final Set<String> VERBS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS",
            "CONNECT", "TRACE");
    private static final Set<String> CHI = Set.of("Get", "Post", "Put", "Delete", "Patch", "Head", "Options",
            "Connect", "Trace");
    private static final Pattern ADDR = Pattern.compile("^[\\w.\\[\\]:-]*:(\\d{1,5})$");
    private static final Set<String> SERVE = Set.of("http.ListenAndServe", "http.ListenAndServeTLS", "http.Serve",
            "http.ServeTLS");

    private GoServeFacts() {
    }

    static void extract(CodeTree tree, CodeFacts.Builder b) {
        Set<String> helpers = GoFacts.envHelpers(tree);
        boolean gin = tree.file().text().contains("github.com/gin-gonic/gin");
        boolean starts = false;
        boolean sigterm = false;
        boolean shutdownCall = false;
        for (SyntaxNode call : tree.all("call_expression")) {
            String callee = Go.callee(call);
            String m = Go.method(call);
            List<SyntaxNode> args = Go.args(call);
            route(call, m, args, b);
            mount(call, callee, m, args, b);
            if (SERVE.contains(callee)) {
                starts = true;
                if (callee.startsWith("http.ListenAndServe") && !args.isEmpty()) {
                    listen(args.get(0), helpers, b);
                }
            } else if (callee.equals("net.Listen") && args.size() == 2) {
                listen(args.get(1), helpers, b);
            } else if (Go.receiver(call) != null && (m.equals("ListenAndServe") || m.equals("ListenAndServeTLS")
                    || m.equals("Serve") && args.size() == 1)) {
                starts = true;
            } else if (Go.receiver(call) != null && (m.equals("Run") && gin || m.equals("Start") || m.equals("StartTLS"))
                    && args.size() <= 3) {
                String addr = args.isEmpty() ? null : Go.stringValue(args.get(0));
                if (addr != null && ADDR.matcher(addr).matches() || args.isEmpty() && m.equals("Run")) {
                    starts = true;
                    if (args.isEmpty()) {
                        b.listens.add(new Listen(8080, "PORT", call.range())); // gin: $PORT, else 8080
                    } else {
                        listen(args.get(0), helpers, b);
                    }
                }
            } else if (callee.equals("signal.Notify") || callee.equals("signal.NotifyContext")) {
                int first = 1;
                sigterm |= args.size() <= first || args.stream().skip(first)
                        .anyMatch(a -> a.text().endsWith("SIGTERM") || a.text().replaceAll("\\s", "").equals("syscall.Signal(15)"));
            } else if (m.equals("Shutdown") && Go.receiver(call) != null) {
                shutdownCall = true;
            }
        }
        for (SyntaxNode lit : tree.all("composite_literal")) {
            if (Go.literalType(lit).equals("http.Server") && Go.keyed(lit).get("Addr") != null) {
                listen(Go.keyed(lit).get("Addr"), helpers, b);
            }
        }
        b.shutdown = sigterm ? Shutdown.HANDLED : starts && !shutdownCall ? Shutdown.NOT_HANDLED : Shutdown.UNKNOWN;
    }

    /**
     * Routes mounted under a prefix where other code may declare them: chi {@code r.Mount("/api", sub)},
     * {@code http.StripPrefix("/api", h)}, and gin/echo groups ({@code r.Group("/v1")}), which are often handed to
     * a function in another file that adds the routes. A prefix that is not a literal is recorded as unknown.
     */
    private static void mount(SyntaxNode call, String callee, String m, List<SyntaxNode> args, CodeFacts.Builder b) {
        boolean mount = Go.receiver(call) != null && (m.equals("Mount") && args.size() == 2
                || m.equals("Group") && !args.isEmpty() && !Go.receiver(call).text().equals("errgroup"))
                || callee.equals("http.StripPrefix") && args.size() == 2;
        if (mount) {
            b.mounts.add(new io.archlens.code.Mount(Go.stringValue(args.get(0)), call.range()));
        }
    }

    private static void route(SyntaxNode call, String m, List<SyntaxNode> args, CodeFacts.Builder b) {
        SyntaxNode recv = Go.receiver(call);
        if (recv == null || args.size() < 2) {
            return;
        }
        String method;
        String path;
        SyntaxNode handler = args.get(args.size() - 1);
        if (m.equals("HandleFunc") || m.equals("Handle")) {
            String pattern = Go.stringValue(args.get(0));
            if (pattern == null) {
                unknownPath(call, args.get(1), b);
                return;
            }
            int sp = pattern.indexOf(' ');
            boolean verb = sp > 0 && VERBS.contains(pattern.substring(0, sp));
            method = verb ? pattern.substring(0, sp) : gorillaMethod(call);
            path = verb ? pattern.substring(sp + 1).trim() : pattern;
            handler = args.get(1);
        } else if (VERBS.contains(m) || m.equals("Any") || CHI.contains(m) && !recv.text().equals("http")) {
            path = Go.stringValue(args.get(0));
            method = m.equals("Any") ? "*" : m.toUpperCase(Locale.ROOT);
            if (path == null) {
                unknownPath(call, handler, b);
                return;
            }
        } else if (m.equals("Method") && args.size() == 3) {
            method = Go.stringValue(args.get(0));
            path = Go.stringValue(args.get(1));
        } else {
            return;
        }
        if (path == null || method == null || !path.startsWith("/")) {
            return;
        }
        String handlerName = handler.isAny("identifier", "selector_expression") ? handler.text() : null;
        b.routes.add(new Route(method, prefix(call, recv) + path, handlerName, call.range()));
    }

    /**
     * A route whose path is computed ({@code r.HandleFunc(s.prefixedPath("/version"), h)}): recorded as serving any
     * path ({@code /**}), so the rules that compare probes and specs with the code's routes do not take the routes
     * they cannot see for missing ones.
     */
    private static void unknownPath(SyntaxNode call, SyntaxNode handler, CodeFacts.Builder b) {
        String handlerName = handler != null && handler.isAny("identifier", "selector_expression") ? handler.text() : null;
        b.routes.add(new Route("*", "/**", handlerName, call.range()));
    }

    /** gorilla/mux: {@code r.HandleFunc("/p", h).Methods("GET")}. */
    private static String gorillaMethod(SyntaxNode call) {
        SyntaxNode sel = call.parent();
        SyntaxNode outer = sel == null ? null : sel.parent();
        if (sel != null && sel.is("selector_expression") && outer != null && outer.is("call_expression")
                && "Methods".equals(Go.method(outer))) {
            String v = Go.stringValue(Go.arg(outer, 0));
            return v == null ? "*" : v;
        }
        return "*";
    }

    /** The prefix of a gin/echo group ({@code v1 := r.Group("/v1")}) or a chi sub-router ({@code r.Route("/v1", f)}). */
    private static String prefix(SyntaxNode call, SyntaxNode recv) {
        if (!recv.is("identifier")) {
            return "";
        }
        String name = recv.text();
        for (SyntaxNode fn = Go.function(call); fn != null; fn = Go.function(fn)) {
            if (fn.is("func_literal") && Go.params(fn).containsKey(name)) {
                SyntaxNode outer = fn.parent() == null ? null : fn.parent().parent();
                if (outer != null && outer.is("call_expression") && Go.method(outer).equals("Route")) {
                    String p = Go.stringValue(Go.arg(outer, 0));
                    SyntaxNode r = Go.receiver(outer);
                    return (r == null ? "" : prefix(outer, r)) + (p == null ? "" : trimSlash(p));
                }
                return "";
            }
            SyntaxNode body = fn.field("body");
            for (SyntaxNode g : body == null ? List.<SyntaxNode>of() : body.descendants("call_expression")) {
                if (Go.method(g).equals("Group") && g.start() < call.start() && name.equals(Go.storedIn(g))) {
                    String p = Go.stringValue(Go.arg(g, 0));
                    SyntaxNode r = Go.receiver(g);
                    return (r == null ? "" : prefix(g, r)) + (p == null ? "" : trimSlash(p));
                }
            }
            if (Go.params(fn).containsKey(name)) {
                return "";
            }
        }
        return "";
    }

    private static String trimSlash(String p) {
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static void listen(SyntaxNode addr, Set<String> helpers, CodeFacts.Builder b) {
        Integer[] port = {null};
        String[] key = {null};
        resolve(addr, port, key, 0, helpers);
        if (port[0] != null || key[0] != null) {
            b.listens.add(new Listen(port[0], key[0], addr.range()));
        }
    }

    /** Follows an address expression to a literal port and/or the environment key it is read from. */
    private static void resolve(SyntaxNode e, Integer[] port, String[] key, int depth, Set<String> helpers) {
        e = Go.unwrap(e);
        if (e == null || depth > 4) {
            return;
        }
        String s = Go.stringValue(e);
        if (s != null) {
            Matcher m = ADDR.matcher(s);
            if (m.matches()) {
                port[0] = Integer.valueOf(m.group(1));
            } else if (s.matches("\\d{1,5}") && port[0] == null) {
                port[0] = Integer.valueOf(s);
            }
        } else if (e.is("binary_expression")) {
            resolve(e.field("left"), port, key, depth + 1, helpers);
            resolve(e.field("right"), port, key, depth + 1, helpers);
        } else if (e.is("call_expression")) {
            String callee = Go.callee(e);
            if (callee.equals("os.Getenv") || callee.equals("os.LookupEnv")) {
                key[0] = Go.stringValue(Go.arg(e, 0));
                String d = envDefault(e);
                if (d != null) {
                    resolve(d, port);
                }
            } else if (helpers.contains(callee)) {
                key[0] = Go.stringValue(Go.arg(e, 0));
                String d = Go.stringValue(Go.arg(e, 1));
                if (d != null) {
                    resolve(d, port);
                }
            } else if (callee.equals("fmt.Sprintf")) {
                Go.args(e).forEach(a -> resolve(a, port, key, depth + 1, helpers));
            } else if (callee.equals("strconv.Itoa") && Go.arg(e, 0) != null) {
                resolve(Go.arg(e, 0), port, key, depth + 1, helpers);
            }
        } else if (e.is("int_literal")) {
            port[0] = Integer.valueOf(e.text().replace("_", ""));
        } else if (e.is("identifier")) {
            SyntaxNode def = definition(e);
            if (def != null) {
                resolve(def, port, key, depth + 1, helpers);
            }
        }
    }

    private static void resolve(String literal, Integer[] port) {
        Matcher m = ADDR.matcher(literal);
        if (m.matches()) {
            port[0] = Integer.valueOf(m.group(1));
        } else if (literal.matches("\\d{1,5}")) {
            port[0] = Integer.valueOf(literal);
        }
    }

    /** The first value given to a variable in its function (or at package level), null when none is seen. */
    private static SyntaxNode definition(SyntaxNode id) {
        SyntaxNode fn = Go.function(id);
        SyntaxNode scope = fn == null ? id.tree().root() : fn;
        for (SyntaxNode s : scope.descendants("short_var_declaration", "var_spec", "const_spec")) {
            if (s.start() < id.start()) {
                SyntaxNode value = s.field(s.is("short_var_declaration") ? "right" : "value");
                List<SyntaxNode> names = s.is("short_var_declaration") ? s.field("left").namedChildren() : s.fieldAll("name");
                if (value != null && !names.isEmpty() && names.get(0).text().equals(id.text())
                        && !value.namedChildren().isEmpty()) {
                    return value.namedChildren().get(0);
                }
            }
        }
        return fn == null ? null : definition(id.tree().root(), id);
    }

    private static SyntaxNode definition(SyntaxNode root, SyntaxNode id) {
        for (SyntaxNode s : root.namedChildren()) {
            if (s.isAny("var_declaration", "const_declaration")) {
                for (SyntaxNode spec : s.descendants("var_spec", "const_spec")) {
                    SyntaxNode value = spec.field("value");
                    if (value != null && !spec.fieldAll("name").isEmpty()
                            && spec.fieldAll("name").get(0).text().equals(id.text()) && !value.namedChildren().isEmpty()) {
                        return value.namedChildren().get(0);
                    }
                }
            }
        }
        return null;
    }

    /**
     * The default a program gives an environment variable right after reading it: {@code v := os.Getenv("X")}
     * followed by {@code if v == "" { v = "d" }} (or {@code if !ok} after {@code os.LookupEnv}); null when none.
     */
    static String envDefault(SyntaxNode call) {
        String var = Go.storedIn(call);
        SyntaxNode stmt = call.ancestor("short_var_declaration", "assignment_statement", "var_declaration");
        if (var == null || stmt == null) {
            return null;
        }
        SyntaxNode next = stmt.nextNamedSibling();
        if (next == null || !next.is("if_statement") || next.field("condition") == null) {
            return null;
        }
        String cond = next.field("condition").compactText();
        boolean empty = cond.equals(var + "==\"\"") || cond.equals("len(" + var + ")==0") || cond.startsWith("!");
        SyntaxNode then = next.field("consequence");
        if (!empty || then == null) {
            return null;
        }
        for (SyntaxNode a : then.descendants("assignment_statement")) {
            SyntaxNode left = a.field("left");
            SyntaxNode right = a.field("right");
            if (left != null && right != null && left.text().trim().equals(var) && right.namedChildren().size() == 1) {
                return Go.stringValue(right.namedChildren().get(0));
            }
        }
        return null;
    }
}

package io.archlens.syntax.python;

import io.archlens.code.CodeFacts;
import io.archlens.code.ConfigRead;
import io.archlens.code.Listen;
import io.archlens.code.Route;
import io.archlens.code.ServiceUrl;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Python file tells about the service it belongs to: environment reads, routes (Flask, FastAPI, Django
 * {@code urls.py}), ports it listens on, literal service URLs and whether it handles SIGTERM.
 */
final class PyService {
    private static final Set<String> ENV_GET = Set.of("os.environ.get", "os.getenv", "os.environ.setdefault");
    private static final Set<String> ROUTE_METHODS = Set.of("route", "get", "post", "put", "delete", "patch", "head",
            "options", "api_route");
    private static final Pattern URL = Pattern.compile(
            "(https?|wss?|grpc)://([A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*)(?::(\\d{1,5}))?(?:[/?#][^\\s]*)?");
    private final CodeTree t;
    private final Map<String, String> imports;
    private final PyStrings strings;
    private boolean handled;
    private boolean serves;

    PyService(CodeTree t, Map<String, String> imports, PyStrings strings) {
        this.t = t;
        this.imports = imports;
        this.strings = strings;
    }

    void call(SyntaxNode call, String q, CodeFacts.Builder b) {
        if (ENV_GET.contains(q)) {
            SyntaxNode k = Py.arg(call, 0, "key");
            SyntaxNode d = Py.arg(call, 1, "default");
            String f = fallback(d);
            if (f == null && (testedForPresence(call) || conditional(call))) {
                f = ""; // `if os.environ.get("CI"):`, `os.getenv("X") or ...`: optional by design (None when unset)
            }
            b.configReads.add(new ConfigRead("env", Py.str(k), f, call.range()));
            return;
        }
        if (environCall(call, q)) {
            SyntaxNode k = Py.arg(call, 0, "var");
            String key = Py.str(k);
            if (key != null && key.matches("[A-Z][A-Z0-9_]*")) {
                String f = fallback(Py.arg(call, 1, "default"));
                b.configReads.add(new ConfigRead("env", key, f == null && conditional(call) ? "" : f, call.range()));
            }
            return;
        }
        if ((q.equals("signal.signal") || q.endsWith(".add_signal_handler")) && !Py.positional(call).isEmpty()
                && Py.positional(call).get(0).text().endsWith("SIGTERM")) {
            handled = true;
            return;
        }
        String m = q.substring(q.lastIndexOf('.') + 1);
        switch (q) {
            case "uvicorn.run" -> listen(b, call, Py.kwarg(call, "port"), 8000, true);
            case "aiohttp.web.run_app" -> listen(b, call, Py.kwarg(call, "port"), 8080, true);
            case "waitress.serve" -> listen(b, call, Py.kwarg(call, "port"), 8080, false);
            case "wsgiref.simple_server.make_server" -> listen(b, call, Py.arg(call, 1, "port"), null, false);
            case "http.server.HTTPServer", "http.server.ThreadingHTTPServer", "socketserver.TCPServer",
                    "socketserver.ThreadingTCPServer" -> {
                SyntaxNode addr = Py.arg(call, 0, "server_address");
                SyntaxNode port = addr != null && addr.is("tuple") && addr.namedChildren().size() == 2
                        ? addr.namedChildren().get(1) : null;
                listen(b, call, port, null, false);
            }
            default -> {
                if (m.equals("serve_forever")) {
                    serves = true;
                } else if (m.equals("run") && flaskApp(call)) {
                    listen(b, call, Py.arg(call, 1, "port"), 5000, false);
                }
            }
        }
    }

    /**
     * django-environ's {@code env("X", default=...)} / {@code env.bool("X")} (the object is named env by convention,
     * often imported from the project's own module) and python-decouple's {@code config("X", default=...)}.
     */
    private static boolean environCall(SyntaxNode call, String q) {
        String c = Py.callee(call);
        return c.equals("env") || c.startsWith("env.") && ENV_TYPES.contains(c.substring(4))
                || q.equals("decouple.config");
    }

    private static final Set<String> ENV_TYPES = Set.of("str", "bool", "int", "float", "list", "tuple", "dict",
            "url", "db", "db_url", "cache", "cache_url", "email_url", "search_url", "json", "path", "decimal");

    /** {@code app.run(...)} on a Flask (or Flask-SocketIO) application. */
    private boolean flaskApp(SyntaxNode call) {
        String recv = Py.receiver(call);
        if (!Py.importsModule(imports, "flask") && !Py.importsModule(imports, "flask_socketio")) {
            return false;
        }
        SyntaxNode fn = call.field("function");
        SyntaxNode obj = fn != null && fn.is("attribute") ? fn.field("object") : null;
        if (obj != null && obj.is("identifier")) {
            SyntaxNode v = strings.valueOf(call, obj.text());
            if (v != null && v.is("call")) {
                String c = Py.qualified(v, imports);
                return c.equals("flask.Flask") || c.endsWith("SocketIO");
            }
        }
        return recv.equals("app") || recv.equals("application") || recv.equals("socketio");
    }

    private void listen(CodeFacts.Builder b, SyntaxNode call, SyntaxNode port, Integer dflt, boolean handlesSignals) {
        if (handlesSignals) {
            handled = true; // uvicorn and aiohttp drain connections on SIGTERM themselves
        } else {
            serves = true;
        }
        Integer p = dflt;
        String key = null;
        SyntaxNode n = port;
        for (int depth = 0; n != null && depth < 4; depth++) {
            if (n.is("integer")) {
                p = parse(n.text());
                break;
            } else if (Py.str(n) != null) {
                p = parse(Py.str(n));
                break;
            } else if (n.is("identifier")) {
                n = strings.valueOf(n, n.text());
            } else if (n.is("call") && Py.callee(n).equals("int")) {
                n = Py.arg(n, 0, null);
            } else if (n.is("call") && ENV_GET.contains(Py.qualified(n, imports))) {
                key = Py.str(Py.arg(n, 0, "key"));
                String f = fallback(Py.arg(n, 1, "default"));
                p = f == null ? null : parse(f);
                break;
            } else if (n.is("subscript") && environ(n.field("value"))) {
                key = Py.str(n.field("subscript"));
                p = null;
                break;
            } else {
                p = null;
                break;
            }
        }
        if (n == null && port != null) {
            p = null;
        }
        b.listens.add(new Listen(p, key, (port != null ? port : call).range()));
    }

    private static Integer parse(String s) {
        try {
            int v = Integer.parseInt(s.trim());
            return v > 0 && v < 65536 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The read runs only on some paths of its module or function: inside an {@code if}/{@code elif}/{@code else}
     * branch (a setting picks it: {@code if STRATEGY == "s3": KEY = env("S3_KEY")}) or a {@code try} whose handler
     * may cover its absence. Such a read is recorded as optional (an empty default): whether the variable is needed
     * depends on what the code is not shown to decide.
     */
    static boolean conditional(SyntaxNode read) {
        for (SyntaxNode p = read.parent(); p != null; p = p.parent()) {
            if (p.isAny("function_definition", "lambda", "class_definition", "module")) {
                return false;
            }
            if (p.is("block") && p.parent() != null
                    && p.parent().isAny("if_statement", "elif_clause", "else_clause", "try_statement")) {
                return true;
            }
        }
        return false;
    }

    /** The read is a condition or an operand of {@code or}/{@code and}/{@code not}: the code handles its absence. */
    private static boolean testedForPresence(SyntaxNode call) {
        SyntaxNode p = call.parent();
        while (p != null && p.is("parenthesized_expression")) {
            p = p.parent();
        }
        if (p == null) {
            return false;
        }
        if (p.isAny("boolean_operator", "not_operator")) {
            return true;
        }
        if (p.isAny("if_statement", "elif_clause", "while_statement")) {
            return call.equals(p.field("condition")) || p.field("condition") != null
                    && p.field("condition").contains(call);
        }
        return p.is("conditional_expression") && !p.namedChildren().isEmpty() && p.namedChildren().size() > 1
                && p.namedChildren().get(1).contains(call);
    }

    private boolean environ(SyntaxNode v) {
        if (v == null) {
            return false;
        }
        String s = v.compactText();
        String q = imports.getOrDefault(s, s);
        return q.equals("os.environ");
    }

    private static String fallback(SyntaxNode d) {
        if (d == null || Py.isNone(d)) {
            return null;
        }
        String s = Py.str(d);
        return s != null ? s : d.text();
    }

    /** {@code os.environ["KEY"]}: a read without a default (a KeyError when unset). */
    void subscripts(CodeFacts.Builder b) {
        for (SyntaxNode s : t.all("subscript")) {
            if (environ(s.field("value"))) {
                SyntaxNode p = s.parent();
                boolean written = p != null && p.is("assignment") && s.equals(p.field("left"));
                if (!written) {
                    b.configReads.add(new ConfigRead("env", Py.str(s.field("subscript")), conditional(s) ? "" : null,
                            s.range()));
                }
            }
        }
    }

    void routes(CodeFacts.Builder b) {
        Map<String, String> prefixes = new java.util.HashMap<>();
        for (SyntaxNode a : t.all("assignment")) {
            SyntaxNode right = a.field("right");
            if (right != null && right.is("call") && a.field("left") != null) {
                String m = Py.method(right);
                String prefix = m.equals("APIRouter") ? Py.str(Py.kwarg(right, "prefix"))
                        : m.equals("Blueprint") ? Py.str(Py.kwarg(right, "url_prefix")) : null;
                if (prefix != null) {
                    prefixes.put(a.field("left").text(), prefix);
                }
            }
        }
        for (SyntaxNode d : t.all("decorator")) {
            SyntaxNode call = d.namedChildren().isEmpty() ? null : d.namedChildren().get(0);
            if (call == null || !call.is("call") || !ROUTE_METHODS.contains(Py.method(call))
                    || Py.receiver(call).isEmpty()) {
                continue;
            }
            String path = Py.str(Py.arg(call, 0, "path"));
            if (path == null) {
                path = Py.str(Py.arg(call, 0, "rule"));
            }
            SyntaxNode def = d.parent() == null ? null : d.parent().field("definition");
            if (path == null || !(path.isEmpty() || path.startsWith("/")) || def == null || def.field("name") == null) {
                continue;
            }
            String handler = def.field("name").text();
            path = prefixes.getOrDefault(Py.receiver(call), "") + path;
            String m = Py.method(call);
            List<String> methods = switch (m) {
                case "route", "api_route" -> methods(Py.kwarg(call, "methods"));
                default -> List.of(m.toUpperCase(Locale.ROOT));
            };
            for (String verb : methods) {
                b.routes.add(new Route(verb, path, handler, d.range()));
            }
        }
        mounts(b);
        boolean urlsFile = t.file().name().equals("urls.py");
        for (SyntaxNode call : t.all("call")) {
            String q = Py.qualified(call, imports);
            boolean django = q.equals("django.urls.path") || q.equals("django.urls.re_path")
                    || q.equals("django.conf.urls.url") || urlsFile && Set.of("path", "re_path", "url").contains(q);
            if (!django) {
                continue;
            }
            String path = Py.str(Py.arg(call, 0, "route"));
            SyntaxNode view = Py.arg(call, 1, "view");
            if (path == null || view == null) {
                continue;
            }
            if (view.is("call") && Py.method(view).equals("include")) {
                b.mounts.add(new io.archlens.code.Mount(path, call.range()));
                continue;
            }
            b.routes.add(new Route("*", path, view.text(), call.range()));
        }
    }

    /**
     * Routers mounted under a prefix: FastAPI {@code include_router(r, prefix=...)} and {@code mount(path, app)},
     * Flask {@code register_blueprint(bp, url_prefix=...)}; a prefix that is not a literal is recorded as unknown.
     */
    private void mounts(CodeFacts.Builder b) {
        for (SyntaxNode call : t.all("call")) {
            String m = Py.method(call);
            if (Py.receiver(call).isEmpty()) {
                continue;
            }
            SyntaxNode prefix = switch (m) {
                case "include_router" -> Py.kwarg(call, "prefix");
                case "register_blueprint" -> Py.kwarg(call, "url_prefix");
                case "mount" -> Py.arg(call, 0, "path");
                default -> null;
            };
            if (prefix != null) {
                b.mounts.add(new io.archlens.code.Mount(Py.str(prefix), call.range()));
            }
        }
    }

    private static List<String> methods(SyntaxNode list) {
        if (list == null || !list.isAny("list", "tuple", "set")) {
            return List.of("GET");
        }
        List<String> out = new java.util.ArrayList<>();
        for (SyntaxNode e : list.namedChildren()) {
            String s = Py.str(e);
            if (s != null) {
                out.add(s.toUpperCase(Locale.ROOT));
            }
        }
        return out.isEmpty() ? List.of("GET") : out;
    }

    void urls(CodeFacts.Builder b) {
        for (SyntaxNode s : t.all("string")) {
            if (s.parent() != null && s.parent().is("expression_statement")) {
                continue; // a docstring
            }
            String v = Py.str(s);
            if (v == null || !v.contains("://")) {
                continue;
            }
            Matcher m = URL.matcher(v.trim());
            if (m.matches()) {
                Integer port = m.group(3) == null ? null : parse(m.group(3));
                b.urls.add(new ServiceUrl(v.trim(), m.group(1), m.group(2), port, s.range()));
            }
        }
    }

    CodeFacts.Shutdown shutdown() {
        return handled ? CodeFacts.Shutdown.HANDLED : serves ? CodeFacts.Shutdown.NOT_HANDLED : CodeFacts.Shutdown.UNKNOWN;
    }
}

package io.archlens.syntax.js;

import io.archlens.code.CodeFacts;
import io.archlens.code.HttpClientFact;
import io.archlens.code.HttpClientFact.Timeout;
import io.archlens.code.RemoteCall;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Outbound HTTP in JavaScript/TypeScript: {@code fetch} ({@code signal} or node-fetch's {@code timeout}), axios
 * (per call on the default instance, and {@code axios.create}; a call on a created instance is configured where the
 * instance was made) and Node's {@code http}/{@code https} {@code request}/{@code get} ({@code timeout} option or
 * {@code req.setTimeout}). Options passed as a variable that is not an object literal in view, or spread from
 * elsewhere, count as configured elsewhere. Browser code (JSX/TSX, React/Vue/Angular imports) is left out: a page's
 * request is bounded by the browser and the user.
 */
final class JsHttpFacts {
    private static final Set<String> AXIOS_URL_CONFIG = Set.of("get", "delete", "head", "options");
    private static final Set<String> AXIOS_DATA_CONFIG = Set.of("post", "put", "patch", "postForm", "putForm",
            "patchForm");

    private JsHttpFacts() {
    }

    static void add(JsModule m, List<SyntaxNode> calls, boolean browser, CodeFacts.Builder out) {
        Set<String> axiosDefaults = new HashSet<>();
        for (SyntaxNode a : m.tree().all("assignment_expression")) {
            String left = a.field("left") == null ? "" : a.field("left").text().replace(" ", "");
            if (left.endsWith(".defaults.timeout")) {
                axiosDefaults.add(left.substring(0, left.length() - ".defaults.timeout".length()));
            }
        }
        for (SyntaxNode call : calls) {
            SyntaxNode callee = Js.callee(call);
            if (callee == null) {
                continue;
            }
            String fn = Js.functionName(Js.function(call));
            String text = Js.calleeText(call);
            SyntaxNode recv = Js.receiver(call);
            String method = Js.method(call);
            if (!browser && callee.is("identifier") && text.equals("fetch")) {
                SyntaxNode first = Js.arg(call, 0);
                if (first != null && first.is("new_expression")) {
                    continue; // new Request(url, init): the init carries the signal
                }
                fact(m, out, "fetch", "This fetch call", callee, Js.arg(call, 1), fn, "signal", "timeout");
            } else if (!browser && callee.is("identifier") && m.isModule(text, "axios")) {
                SyntaxNode cfg = Js.arg(call, 0) != null && Js.arg(call, 0).is("object") ? Js.arg(call, 0)
                        : Js.arg(call, 1);
                axios(m, out, "This axios call", callee, cfg, fn, axiosDefaults.contains(text));
            } else if (!browser && recv != null && recv.is("identifier") && m.isModule(recv.text(), "axios")) {
                int at = method.equals("request") || method.equals("create") ? 0
                        : AXIOS_URL_CONFIG.contains(method) ? 1 : AXIOS_DATA_CONFIG.contains(method) ? 2 : -1;
                if (at < 0) {
                    continue;
                }
                if (method.equals("create")) {
                    SyntaxNode decl = call.parent();
                    String instance = decl != null && decl.is("variable_declarator") && decl.field("name") != null
                            ? decl.field("name").text() : null;
                    axios(m, out, "axios.create(...)", callee, Js.arg(call, 0), fn,
                            instance != null && axiosDefaults.contains(instance));
                } else {
                    axios(m, out, "This axios." + method + " call", callee, Js.arg(call, at), fn,
                            axiosDefaults.contains(recv.text()));
                }
            } else if (recv != null && recv.is("identifier") && (method.equals("request") || method.equals("get"))
                    && m.isModule(recv.text(), "http", "https")) {
                SyntaxNode opts = Js.arg(call, 0) != null && Js.arg(call, 0).is("object") ? Js.arg(call, 0)
                        : Js.args(call).size() > 2 || !callback(m, Js.arg(call, 1)) ? Js.arg(call, 1) : null;
                boolean later = setsTimeoutLater(m, call);
                HttpClientFact f = options(m, "node-http", text + "(...)", callee, opts, fn, "signal", "timeout");
                out.httpClients.add(later ? new HttpClientFact(f.library(), f.what(), f.range(),
                        EnumSet.of(Timeout.READ), false, fn) : f);
                out.remoteCalls.add(new RemoteCall("http", recv.text(), callee.range(), fn));
            }
        }
    }

    private static void fact(JsModule m, CodeFacts.Builder out, String lib, String what, SyntaxNode callee,
            SyntaxNode opts, String fn, String... keys) {
        out.httpClients.add(options(m, lib, what, callee, opts, fn, keys));
        out.remoteCalls.add(new RemoteCall("http", lib, callee.range(), fn));
    }

    private static void axios(JsModule m, CodeFacts.Builder out, String what, SyntaxNode callee, SyntaxNode cfg,
            String fn, boolean defaults) {
        HttpClientFact f = options(m, "axios", what, callee, cfg, fn, "signal", "timeout", "cancelToken");
        if (defaults) {
            f = new HttpClientFact("axios", what, callee.range(), EnumSet.of(Timeout.CALL), false, fn);
        }
        out.httpClients.add(f);
        out.remoteCalls.add(new RemoteCall("http", "axios", callee.range(), fn));
    }

    /** Reads an options object: a key among {@code keys} with a value other than 0 bounds the call. */
    private static HttpClientFact options(JsModule m, String lib, String what, SyntaxNode callee, SyntaxNode opts,
            String fn, String... keys) {
        SyntaxNode o = opts != null && opts.is("identifier") ? m.valueOf(opts) : opts;
        boolean elsewhere = opts != null && (o == null || !o.is("object") || Js.hasSpread(o));
        Set<Timeout> timeouts = EnumSet.noneOf(Timeout.class);
        if (o != null && o.is("object")) {
            for (String k : keys) {
                SyntaxNode v = Js.prop(o, k);
                if (v != null && !v.text().equals("0") && !v.isAny("null", "undefined")) {
                    timeouts.add(k.equals("timeout") && lib.equals("node-http") ? Timeout.READ : Timeout.CALL);
                }
            }
            elsewhere |= Js.prop(o, "agent") != null && lib.equals("node-http");
        }
        return new HttpClientFact(lib, what, callee.range(), timeouts, elsewhere, fn);
    }

    /** The second argument of {@code http.get(url, x)} is the response callback, not options. */
    private static boolean callback(JsModule m, SyntaxNode a) {
        if (a == null || a.isAny("arrow_function", "function_expression", "function")) {
            return true;
        }
        if (!a.is("identifier")) {
            return false;
        }
        SyntaxNode v = m.valueOf(a);
        if (v != null) {
            return v.isAny("arrow_function", "function_expression", "function");
        }
        return m.tree().all("function_declaration").stream()
                .anyMatch(f -> f.field("name") != null && f.field("name").text().equals(a.text()))
                || a.text().matches("cb|callback|done|next|on[A-Z]\\w*|handle\\w*|\\w*(Handler|Callback)");
    }

    /** {@code http.get(...).setTimeout(n)} or {@code const req = http.request(...); req.setTimeout(n)}. */
    private static boolean setsTimeoutLater(JsModule m, SyntaxNode call) {
        SyntaxNode p = call.parent();
        if (p != null && p.is("member_expression") && p.field("property") != null
                && p.field("property").text().equals("setTimeout")) {
            return true;
        }
        if (p == null || !p.is("variable_declarator") || p.field("name") == null) {
            return false;
        }
        String v = p.field("name").text() + ".setTimeout(";
        SyntaxNode scope = Js.function(call);
        return (scope != null ? scope : m.tree().root()).text().replace(" ", "").contains(v);
    }
}

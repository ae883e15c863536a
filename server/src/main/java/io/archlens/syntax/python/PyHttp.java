package io.archlens.syntax.python;

import io.archlens.code.CodeFacts;
import io.archlens.code.HttpClientFact;
import io.archlens.code.HttpClientFact.Timeout;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Outbound HTTP in Python: {@code requests} calls and sessions (no timeout unless {@code timeout=} is passed),
 * {@code httpx} calls and clients (a 5 s default unless {@code timeout=None}), {@code urllib.request.urlopen}
 * (no timeout unless passed). Library names: {@code requests}, {@code httpx}, {@code urllib}.
 */
final class PyHttp {
    private static final Set<String> VERBS = Set.of("get", "post", "put", "patch", "delete", "head", "options",
            "request");
    private static final Set<String> HTTPX = Set.of("get", "post", "put", "patch", "delete", "head", "options",
            "request", "stream", "Client", "AsyncClient");
    private final Set<String> sessions = new HashSet<>();
    private final Set<String> mounted = new HashSet<>();

    PyHttp(CodeTree t, Map<String, String> imports) {
        for (SyntaxNode call : t.all("call")) {
            String q = Py.qualified(call, imports);
            if (q.equals("requests.Session") || q.equals("requests.session")
                    || q.equals("requests.sessions.Session")) {
                SyntaxNode p = call.parent();
                if (p != null && p.is("assignment") && p.field("left") != null) {
                    sessions.add(p.field("left").compactText());
                } else if (p != null && p.is("as_pattern") && p.field("alias") != null) {
                    sessions.add(p.field("alias").text().trim());
                }
            } else if (Py.method(call).equals("mount")) {
                mounted.add(Py.receiver(call)); // a transport adapter: it may carry the timeout
            }
        }
    }

    void call(SyntaxNode call, String q, CodeFacts.Builder b) {
        String m = q.substring(q.lastIndexOf('.') + 1);
        String recv = q.contains(".") ? q.substring(0, q.lastIndexOf('.')) : "";
        SyntaxNode fn = call.field("function");
        String function = Py.functionName(call);
        if ((recv.equals("requests") || recv.equals("requests.api")) && VERBS.contains(m)) {
            b.httpClients.add(fact("requests", q, call, fn, Py.kwarg(call, "timeout"), Py.hasKwargsSplat(call), function));
        } else if (sessions.contains(Py.receiver(call)) && VERBS.contains(m)) {
            boolean elsewhere = Py.hasKwargsSplat(call) || mounted.contains(Py.receiver(call));
            b.httpClients.add(fact("requests", "requests session ." + m, call, fn, Py.kwarg(call, "timeout"),
                    elsewhere, function));
        } else if (recv.equals("httpx") && HTTPX.contains(m)) {
            SyntaxNode t = Py.kwarg(call, "timeout");
            Set<Timeout> ts = Py.isNone(t) ? Set.of() : Set.of(Timeout.CALL);
            b.httpClients.add(new HttpClientFact("httpx", q + " with timeout=None", fn.range(), ts,
                    Py.hasKwargsSplat(call), function));
        } else if (q.equals("urllib.request.urlopen") || q.equals("urllib2.urlopen")
                || q.equals("urllib.urlopen") || q.equals("six.moves.urllib.request.urlopen")) {
            SyntaxNode t = Py.arg(call, 2, "timeout");
            b.httpClients.add(fact("urllib", "urlopen", call, fn, t, Py.hasKwargsSplat(call), function));
        }
    }

    private static HttpClientFact fact(String lib, String q, SyntaxNode call, SyntaxNode fn, SyntaxNode timeout,
            boolean elsewhere, String function) {
        Set<Timeout> ts = timeout == null || Py.isNone(timeout) ? Set.of() : Set.of(Timeout.CALL);
        String what = q + (Py.isNone(timeout) ? " with timeout=None" : timeout == null ? " without timeout=" : "");
        return new HttpClientFact(lib, what, fn.range(), ts, elsewhere, function);
    }
}

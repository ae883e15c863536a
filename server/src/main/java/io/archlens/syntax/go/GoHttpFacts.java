package io.archlens.syntax.go;

import io.archlens.code.CodeFacts;
import io.archlens.code.HttpClientFact;
import io.archlens.code.HttpClientFact.Timeout;
import io.archlens.code.RemoteCall;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Outbound HTTP in Go ({@code go-http}): the package helpers {@code http.Get/Post/Head/PostForm} and
 * {@code http.DefaultClient.Do/Get/Post} (the default client has no timeout), and {@code http.Client} literals
 * with the timeouts they set: {@code Timeout} (CALL), a transport with {@code ResponseHeaderTimeout} (RESPONSE),
 * {@code c.Timeout = ...} later in the same function. A request sent with a context that has a deadline
 * ({@code context.WithTimeout} in the function) is bounded, so {@code DefaultClient.Do} there is not reported; a file
 * that sends requests with {@code http.NewRequestWithContext} and makes deadlines is taken to bound each request.
 */
final class GoHttpFacts {
    static final String LIBRARY = "go-http";
    private static final Set<String> HELPERS = Set.of("http.Get", "http.Post", "http.Head", "http.PostForm");
    private static final Set<String> DEFAULT_CLIENT = Set.of("http.DefaultClient.Do", "http.DefaultClient.Get",
            "http.DefaultClient.Post", "http.DefaultClient.Head", "http.DefaultClient.PostForm");

    private GoHttpFacts() {
    }

    static void extract(CodeTree tree, CodeFacts.Builder b) {
        boolean perRequestDeadlines = perRequestDeadlines(tree);
        for (SyntaxNode call : tree.all("call_expression")) {
            String callee = Go.callee(call);
            boolean helper = HELPERS.contains(callee);
            if (helper || DEFAULT_CLIENT.contains(callee)) {
                SyntaxNode fn = Go.function(call);
                boolean deadline = !helper && (fn != null && hasDeadline(fn) || perRequestDeadlines);
                String name = Go.functionName(call);
                b.httpClients.add(new HttpClientFact(LIBRARY, callee + " uses http.DefaultClient, which has no Timeout,"
                        + " so it", call.field("function").range(), Set.of(), deadline, name));
                b.remoteCalls.add(new RemoteCall("http", "http.DefaultClient", call.range(), name));
            } else if (Go.method(call).equals("Do") || Go.method(call).equals("Get") && Go.args(call).size() == 1
                    && Go.receiver(call) != null && Go.receiver(call).text().toLowerCase().contains("client")) {
                b.remoteCalls.add(new RemoteCall("http", Go.receiver(call) == null ? null : Go.receiver(call).text(),
                        call.range(), Go.functionName(call)));
            }
        }
        for (SyntaxNode lit : tree.all("composite_literal")) {
            if (Go.literalType(lit).equals("http.Client")) {
                client(lit, b, perRequestDeadlines);
            }
        }
    }

    private static void client(SyntaxNode lit, CodeFacts.Builder b, boolean perRequestDeadlines) {
        Map<String, SyntaxNode> keys = Go.keyed(lit);
        Set<Timeout> timeouts = EnumSet.noneOf(Timeout.class);
        if (keys.containsKey("Timeout")) {
            timeouts.add(Timeout.CALL);
        }
        SyntaxNode fn = Go.function(lit);
        SyntaxNode transport = keys.get("Transport");
        if (transport != null && transportBounds(transport, fn)) {
            timeouts.add(Timeout.RESPONSE);
        }
        String var = Go.storedIn(lit);
        if (var != null && fn != null && setLater(fn, var, "Timeout")) {
            timeouts.add(Timeout.CALL);
        }
        SyntaxNode type = lit.field("type");
        b.httpClients.add(new HttpClientFact(LIBRARY, "This http.Client has no Timeout, so it", type.range(),
                timeouts, perRequestDeadlines, Go.functionName(lit)));
    }

    /** A transport given inline or as a variable of the function that sets ResponseHeaderTimeout. */
    private static boolean transportBounds(SyntaxNode transport, SyntaxNode fn) {
        SyntaxNode t = transport.is("unary_expression") ? Go.unwrap(transport.field("operand")) : transport;
        if (t != null && t.is("composite_literal")) {
            return Go.keyed(t).containsKey("ResponseHeaderTimeout");
        }
        if (t == null || !t.is("identifier") || fn == null) {
            return false;
        }
        String name = t.text();
        for (SyntaxNode lit : fn.descendants("composite_literal")) {
            if (Go.literalType(lit).equals("http.Transport") && name.equals(Go.storedIn(lit))
                    && Go.keyed(lit).containsKey("ResponseHeaderTimeout")) {
                return true;
            }
        }
        return setLater(fn, name, "ResponseHeaderTimeout");
    }

    /** {@code var.Field = ...} somewhere in the function. */
    static boolean setLater(SyntaxNode fn, String var, String field) {
        for (SyntaxNode a : fn.descendants("assignment_statement")) {
            SyntaxNode left = a.field("left");
            if (left != null && left.compactText().equals(var + "." + field)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The file sends requests with a context ({@code http.NewRequestWithContext}) and gives contexts deadlines
     * ({@code context.WithTimeout}/{@code WithDeadline}): its clients are bounded per request.
     */
    private static boolean perRequestDeadlines(CodeTree tree) {
        boolean withContext = false;
        boolean deadline = false;
        for (SyntaxNode c : tree.all("call_expression")) {
            String callee = Go.callee(c);
            withContext |= callee.equals("http.NewRequestWithContext");
            deadline |= callee.equals("context.WithTimeout") || callee.equals("context.WithDeadline");
        }
        return withContext && deadline;
    }

    private static boolean hasDeadline(SyntaxNode fn) {
        for (SyntaxNode c : fn.descendants("call_expression")) {
            String callee = Go.callee(c);
            if (callee.equals("context.WithTimeout") || callee.equals("context.WithDeadline")) {
                return true;
            }
        }
        return false;
    }
}

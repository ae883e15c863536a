package io.archlens.rules.go;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.go.Go;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.Map;

/**
 * An HTTP server that never times out reading a request's headers (Slowloris): {@code http.ListenAndServe},
 * {@code ListenAndServeTLS}, {@code http.Serve} and {@code ServeTLS} (the package helpers build a server with no
 * timeouts at all), and {@code http.Server}
 * literals with neither {@code ReadHeaderTimeout} nor {@code ReadTimeout}, unless the function sets one on the
 * variable afterwards ({@code srv.ReadHeaderTimeout = ...}).
 */
final class ServerWithoutTimeouts extends GoRule {
    ServerWithoutTimeouts() {
        super(go("server-no-read-timeout", "HTTP server without a header read timeout", Severity.WARNING,
                Category.RELIABILITY));
    }

    @Override
    void run(CodeTree t, RuleContext ctx) {
        for (SyntaxNode call : t.all("call_expression")) {
            String callee = Go.callee(call);
            if (callee.equals("http.ListenAndServe") || callee.equals("http.ListenAndServeTLS")
                    || callee.equals("http.Serve") || callee.equals("http.ServeTLS")) {
                ctx.report(call.field("function").range(), callee + " starts a server with no timeouts: a client "
                        + "that sends its headers a byte at a time (Slowloris) holds a connection and a goroutine for "
                        + "ever; run an http.Server with ReadHeaderTimeout (and ReadTimeout, WriteTimeout, IdleTimeout)");
            }
        }
        for (SyntaxNode lit : t.all("composite_literal")) {
            if (!Go.literalType(lit).equals("http.Server")) {
                continue;
            }
            Map<String, SyntaxNode> keys = Go.keyed(lit);
            if (keys.containsKey("ReadHeaderTimeout") || keys.containsKey("ReadTimeout") || setLater(lit)) {
                continue;
            }
            ctx.report(lit.field("type").range(), "This http.Server sets neither ReadHeaderTimeout nor ReadTimeout: a "
                    + "client that sends its headers a byte at a time (Slowloris) holds a connection and a goroutine "
                    + "for ever; set ReadHeaderTimeout (a few seconds) and ReadTimeout/WriteTimeout/IdleTimeout");
        }
    }

    private static boolean setLater(SyntaxNode lit) {
        String var = Go.storedIn(lit);
        SyntaxNode fn = Go.function(lit);
        SyntaxNode scope = fn != null ? fn : lit.tree().root();
        if (var == null) {
            return false;
        }
        for (SyntaxNode a : scope.descendants("assignment_statement")) {
            SyntaxNode left = a.field("left");
            String l = left == null ? "" : left.compactText();
            if (l.equals(var + ".ReadHeaderTimeout") || l.equals(var + ".ReadTimeout")) {
                return true;
            }
        }
        return false;
    }
}

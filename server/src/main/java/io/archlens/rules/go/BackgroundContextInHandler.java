package io.archlens.rules.go;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.go.Go;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code context.Background()} or {@code context.TODO()} directly in an HTTP handler (a function with a
 * {@code *http.Request} parameter), where {@code r.Context()} is at hand. Calls inside a goroutine or closure of
 * the handler are left alone: work that outlives the request rightly needs its own context.
 */
final class BackgroundContextInHandler extends GoRule {
    private static final Pattern LOGGING = Pattern.compile("(?i)log|slog|zerolog|zap|trace|span|metric");

    BackgroundContextInHandler() {
        super(go("background-context-in-handler", "Fresh context in an HTTP handler", Severity.WARNING,
                Category.RELIABILITY));
    }

    @Override
    void run(CodeTree t, RuleContext ctx) {
        for (SyntaxNode call : t.all("call_expression")) {
            String callee = Go.callee(call);
            if (!callee.equals("context.Background") && !callee.equals("context.TODO")) {
                continue;
            }
            SyntaxNode args = call.parent();
            if (args != null && args.is("argument_list") && args.parent() != null
                    && LOGGING.matcher(Go.callee(args.parent())).find()) {
                continue; // a logger's context: nothing to cancel
            }
            SyntaxNode fn = Go.function(call);
            String request = fn == null ? null : requestParam(Go.params(fn));
            if (request != null) {
                ctx.report(call.range(), callee + "() in a handler ignores the request's cancellation: when the client "
                        + "goes away or times out, the queries and calls made with it keep running; use "
                        + request + ".Context()");
            }
        }
    }

    private static String requestParam(Map<String, String> params) {
        for (Map.Entry<String, String> p : params.entrySet()) {
            if (p.getValue().equals("*http.Request") && !p.getKey().equals("_")) {
                return p.getKey();
            }
        }
        return null;
    }
}

package io.archlens.rules.js;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.syntax.js.Js;
import io.archlens.syntax.js.JsModule;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.Set;

/**
 * An async function passed straight to an Express route or middleware ({@code app.get('/x', async (req, res) =>
 * ...)}) that awaits outside any {@code try}: Express 4 does not catch the rejected promise, so the request hangs
 * until the client gives up and Node logs an unhandled rejection (or exits, with --unhandled-rejections=strict,
 * the default since Node 15). Assumes Express 4: files that import express-async-errors or a router that wraps
 * handlers are left alone, and so are handlers wrapped in a helper ({@code asyncHandler(fn)}).
 */
final class AsyncHandlerUnhandled extends JsRule {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch", "all", "use",
            "options", "head");

    AsyncHandlerUnhandled() {
        super(js("async-handler-unhandled", "Async Express handler without error handling", Severity.WARNING,
                Category.RELIABILITY));
    }

    @Override
    void run(CodeTree t, JsModule m, RuleContext ctx) {
        if (!m.imports("express") || m.imports("express-async-errors") || m.imports("express-promise-router")
                || m.imports("@awaitjs/express") || m.imports("express-async-router")) {
            return;
        }
        for (SyntaxNode c : t.all("call_expression")) {
            SyntaxNode recv = Js.receiver(c);
            if (recv == null || !METHODS.contains(Js.method(c)) || m.moduleOf(recv.text()) != null) {
                continue;
            }
            var args = Js.args(c);
            if (args.size() < 2 && !Js.method(c).equals("use")) {
                continue;
            }
            for (SyntaxNode a : args) {
                SyntaxNode fn = Js.unwrap(a);
                if (fn.isAny("arrow_function", "function_expression", "function") && Js.isAsync(fn)
                        && params(fn) >= 2 && awaitsOutsideTry(fn)) {
                    SyntaxNode ps = fn.field("parameters") != null ? fn.field("parameters") : fn.field("parameter");
                    ctx.report(TextRange.of(fn.start(), ps != null ? ps.end() : fn.start() + 5), "This async handler "
                            + "awaits outside a try: Express 4 (assumed; 5 forwards rejections) never sees the error, "
                            + "the request hangs and Node reports an unhandled rejection; wrap the body in try/catch "
                            + "and call next(err), or use express-async-errors");
                }
            }
        }
    }

    private static int params(SyntaxNode fn) {
        SyntaxNode ps = fn.field("parameters");
        return ps == null ? (fn.field("parameter") != null ? 1 : 0) : ps.namedChildren().size();
    }

    /** An await in the function itself (not a nested one) that no try block of the function encloses. */
    private static boolean awaitsOutsideTry(SyntaxNode fn) {
        for (SyntaxNode aw : fn.descendants("await_expression", "for_in_statement")) {
            if (aw.is("for_in_statement") && !aw.text().startsWith("for await")) {
                continue;
            }
            if (!fn.equals(Js.function(aw))) {
                continue;
            }
            boolean guarded = false;
            for (SyntaxNode p = aw.parent(); p != null && !p.equals(fn); p = p.parent()) {
                if (p.is("statement_block") && p.parent() != null && p.parent().is("try_statement")
                        && p.equals(p.parent().field("body"))) {
                    guarded = true;
                    break;
                }
            }
            if (!guarded) {
                return true;
            }
        }
        return false;
    }
}

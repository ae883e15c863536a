package io.archlens.rules.js;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.js.Js;
import io.archlens.syntax.js.JsModule;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;

/**
 * {@code new RegExp(x)} / {@code RegExp(x)} with request data as the pattern, unescaped: a caller can send a
 * pattern that backtracks for minutes ({@code (a+)+$}) and the event loop serves nobody else meanwhile. A value
 * passed through any function first (an escape helper) is not reported.
 */
final class RegexpFromRequest extends JsRule {
    RegexpFromRequest() {
        super(js("regexp-from-request", "Regular expression built from request data", Severity.WARNING,
                Category.SECURITY));
    }

    @Override
    void run(CodeTree t, JsModule m, RuleContext ctx) {
        for (String type : new String[] {"new_expression", "call_expression"}) {
            for (SyntaxNode n : t.all(type)) {
                SyntaxNode fn = Js.unwrap(n.is("new_expression") ? n.field("constructor") : n.field("function"));
                if (fn == null || !fn.text().equals("RegExp")) {
                    continue;
                }
                SyntaxNode p = Js.arg(n, 0);
                if (p != null && request(m, p)) {
                    ctx.report(p.range(), "The pattern comes from the request (assumed from the names): a crafted "
                            + "pattern backtracks for seconds to minutes and blocks the event loop, and any pattern "
                            + "changes what matches; escape it (escapeRegExp) or match plain text with includes()");
                }
            }
        }
    }

    private static boolean request(JsModule m, SyntaxNode e) {
        e = Js.unwrap(e);
        if (e.is("template_string")) {
            return e.namedChildren().stream().anyMatch(c -> c.is("template_substitution")
                    && !c.namedChildren().isEmpty() && request(m, c.namedChildren().get(0)));
        }
        if (e.is("binary_expression") && "+".equals(e.field("operator").text())) {
            return request(m, e.field("left")) || request(m, e.field("right"));
        }
        return m.fromRequest(e);
    }
}

package io.archlens.rules.js;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.js.Js;
import io.archlens.syntax.js.JsModule;
import io.archlens.syntax.js.JsStrings;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.List;

/**
 * Code run from a string that is not a constant: {@code eval(x)}, {@code new Function(..., body)},
 * {@code setTimeout}/{@code setInterval} with a string, and Node's {@code vm} ({@code runInNewContext},
 * {@code new vm.Script}; the vm module is no sandbox). The message says whether the value is request data.
 */
final class EvalDynamic extends JsRule {
    EvalDynamic() {
        super(js("eval-dynamic", "Code evaluated from a non-constant string", Severity.WARNING, Category.SECURITY));
    }

    @Override
    void run(CodeTree t, JsModule m, RuleContext ctx) {
        JsStrings strings = new JsStrings(m);
        for (SyntaxNode c : t.all("call_expression")) {
            String callee = Js.calleeText(c);
            SyntaxNode recv = Js.receiver(c);
            boolean vm = recv != null && recv.is("identifier") && m.isModule(recv.text(), "vm")
                    && (Js.method(c).startsWith("run") || Js.method(c).equals("compileFunction"))
                    || "vm".equals(m.moduleOf(callee)) && (callee.startsWith("run") || callee.equals("compileFunction"));
            if (callee.equals("window.eval") || callee.equals("globalThis.eval")) {
                callee = "eval";
            }
            SyntaxNode code = null;
            if (callee.equals("eval") || callee.equals("Function") || vm) {
                List<SyntaxNode> a = Js.args(c);
                code = a.isEmpty() ? null : callee.equals("Function") ? a.get(a.size() - 1) : a.get(0);
            } else if (callee.equals("setTimeout") || callee.equals("setInterval")) {
                SyntaxNode a = Js.arg(c, 0);
                code = a != null && (a.isAny("string", "template_string", "binary_expression")) ? a : null;
            }
            report(m, strings, code, callee, ctx);
        }
        for (SyntaxNode n : t.all("new_expression")) {
            SyntaxNode ctor = Js.unwrap(n.field("constructor"));
            String name = ctor == null ? "" : ctor.text();
            boolean script = name.endsWith("Script") && (name.startsWith("vm.") || "vm".equals(m.moduleOf(name)));
            if (name.equals("Function") || script) {
                List<SyntaxNode> a = Js.args(n);
                report(m, strings, a.isEmpty() ? null : name.equals("Function") ? a.get(a.size() - 1) : a.get(0),
                        "new " + name, ctx);
            }
        }
    }

    private static void report(JsModule m, JsStrings strings, SyntaxNode code, String what, RuleContext ctx) {
        if (code == null || strings.isConstant(code) || code.isAny("arrow_function", "function_expression",
                "function")) {
            return;
        }
        boolean request = m.fromRequest(code) || code.descendants("member_expression", "identifier").stream()
                .anyMatch(m::fromRequest);
        ctx.report(code.range(), what + " runs " + (request ? "request data as code: a caller can run anything the "
                + "process can (read files, env secrets, spawn shells)" : "a string built at run time as code: "
                + "whoever controls any part of it runs code in the process")
                + "; parse the data (JSON.parse, a lookup table) instead of evaluating it");
    }
}

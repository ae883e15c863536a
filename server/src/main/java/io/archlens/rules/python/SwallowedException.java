package io.archlens.rules.python;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;

/**
 * An {@code except} that catches everything (bare, {@code Exception}, {@code BaseException}) and does nothing
 * ({@code pass}, {@code ...}, {@code continue}): failures of the I/O in the try vanish without a trace.
 * Narrow handlers ({@code except KeyError: pass}) are a decision and are left alone.
 */
final class SwallowedException extends PythonRule {
    SwallowedException() {
        super(python("swallowed-exception", "Every exception swallowed silently", Severity.WARNING,
                Category.RELIABILITY));
    }

    @Override
    void run(CodeTree f, RuleContext ctx) {
        for (SyntaxNode c : f.all("except_clause")) {
            SyntaxNode value = c.field("value");
            String type = value == null ? "" : value.is("as_pattern") && !value.namedChildren().isEmpty()
                    ? value.namedChildren().get(0).text() : value.text();
            boolean all = value == null || type.equals("Exception") || type.equals("BaseException");
            SyntaxNode block = c.childOfType("block");
            if (!all || block == null || !empty(block)) {
                continue;
            }
            SyntaxNode kw = c.children().get(0);
            int end = value == null ? kw.end() : value.end();
            ctx.report(new io.archlens.core.TextRange(kw.start(), end), (value == null ? "A bare except" : "except "
                    + type) + " that does nothing hides every failure of the code it guards (I/O errors, bugs, "
                    + "timeouts): nothing is logged and the caller carries on; catch the exceptions you expect, or "
                    + "log and re-raise");
        }
    }

    private static boolean empty(SyntaxNode block) {
        for (SyntaxNode s : block.namedChildren()) {
            if (s.is("comment") || s.isAny("pass_statement", "continue_statement")
                    || s.is("expression_statement") && s.text().equals("...")) {
                continue;
            }
            return false;
        }
        return true;
    }
}

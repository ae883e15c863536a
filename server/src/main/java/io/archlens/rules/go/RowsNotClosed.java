package io.archlens.rules.go;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.go.Go;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.List;
import java.util.Set;

/**
 * {@code rows, err := db.Query(...)} in a function that never closes {@code rows}: no {@code rows.Close()}, and the
 * rows are not returned, stored or handed to another function (which may close them). Each unclosed result set
 * keeps a pooled connection busy until it is garbage collected.
 */
final class RowsNotClosed extends GoRule {
    private static final Set<String> QUERY = Set.of("Query", "QueryContext", "Queryx", "QueryxContext", "NamedQuery",
            "NamedQueryContext");

    RowsNotClosed() {
        super(go("rows-not-closed", "Query rows never closed", Severity.WARNING, Category.RELIABILITY));
    }

    @Override
    void run(CodeTree t, RuleContext ctx) {
        for (SyntaxNode call : t.all("call_expression")) {
            if (!QUERY.contains(Go.method(call)) || Go.receiver(call) == null || Go.args(call).isEmpty()) {
                continue;
            }
            SyntaxNode stmt = call.parent() == null ? null : call.parent().parent();
            if (stmt == null || !stmt.isAny("short_var_declaration", "assignment_statement")
                    || call.parent().namedChildren().size() != 1 || stmt.field("left") == null) {
                continue;
            }
            List<SyntaxNode> left = stmt.field("left").namedChildren();
            SyntaxNode fn = Go.function(call);
            if (left.size() != 2 || !left.get(0).is("identifier") || fn == null) {
                continue;
            }
            String rows = left.get(0).text();
            if (rows.equals("_")) {
                ctx.report(left.get(0).range(), "The rows of " + Go.callee(call) + " are discarded without Close: the "
                        + "connection stays busy until the garbage collector finds them; use Exec for statements "
                        + "without results, or keep and close the rows");
            } else if (!handled(fn, rows, stmt)) {
                ctx.report(left.get(0).range(), rows + " from " + Go.callee(call) + " is never closed in this function: "
                        + "each call keeps a pooled connection busy until the garbage collector finds it, and the "
                        + "pool runs dry under load; add defer " + rows + ".Close() after the error check");
            }
        }
    }

    /** The function closes the rows, or lets them go: returned, stored, passed on, or captured by a closure. */
    private static boolean handled(SyntaxNode fn, String rows, SyntaxNode stmt) {
        for (SyntaxNode id : fn.descendants("identifier")) {
            if (!id.text().equals(rows) || id.start() <= stmt.end() && stmt.contains(id)) {
                continue;
            }
            SyntaxNode p = id.parent();
            if (p == null) {
                continue;
            }
            if (p.is("selector_expression") && p.field("field") != null && p.field("field").text().equals("Close")) {
                return true;
            }
            if (p.is("selector_expression")) {
                continue; // rows.Next(), rows.Scan(...), rows.Err()
            }
            if (p.isAny("argument_list", "expression_list", "keyed_element", "literal_element", "composite_literal")
                    || !fn.equals(Go.function(id))) {
                return true;
            }
        }
        return false;
    }
}

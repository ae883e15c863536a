package io.archlens.rules.go;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.syntax.go.Go;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A file path taken from the request (query, form, path parameter) and handed to {@code os.Open}, {@code os.ReadFile},
 * {@code os.Create}, {@code os.Remove}, {@code http.ServeFile} or {@code filepath.Join}, directly or through a
 * variable of the function, without {@code filepath.Base} or a {@code ".."} check in between: path traversal.
 */
final class PathFromRequest extends GoRule {
    private static final Set<String> FILE_CALLS = Set.of("os.Open", "os.OpenFile", "os.ReadFile", "ioutil.ReadFile",
            "os.Create", "os.Remove", "os.RemoveAll", "os.WriteFile", "ioutil.WriteFile", "http.ServeFile",
            "filepath.Join", "os.ReadDir", "os.Stat", "os.MkdirAll");
    private static final Pattern ANY_REQUEST = Pattern.compile("\\.URL\\.(Query\\(\\)|Path\\b|RawQuery)|mux\\.Vars\\(|"
            + "chi\\.URLParam\\(");

    PathFromRequest() {
        super(go("path-from-request", "File path from the request", Severity.WARNING, Category.SECURITY));
    }

    @Override
    void run(CodeTree t, RuleContext ctx) {
        Set<TextRange> seen = new HashSet<>();
        for (SyntaxNode call : t.all("call_expression")) {
            if (!FILE_CALLS.contains(Go.callee(call))) {
                continue;
            }
            SyntaxNode fn = Go.function(call);
            if (fn == null || sanitised(fn)) {
                continue;
            }
            Map<String, String> params = Go.params(fn);
            List<SyntaxNode> args = Go.args(call);
            for (int i = Go.callee(call).equals("http.ServeFile") ? 2 : 0; i < args.size(); i++) {
                SyntaxNode a = Go.unwrap(args.get(i));
                boolean direct = fromRequest(a.text(), params);
                boolean viaVar = !direct && a.is("identifier") && assignedFromRequest(fn, a, params);
                if ((direct || viaVar) && seen.add(a.range())) {
                    ctx.report(a.range(), "This file path comes from the request (judging by where it is read): a "
                            + "value such as ../../etc/passwd reaches files outside the intended folder; keep only "
                            + "filepath.Base of it, or check that the cleaned path stays under the folder");
                }
            }
        }
    }

    /** Request data: the URL, the form or a path parameter of net/http, gorilla/mux, chi, gin or echo. */
    static boolean fromRequest(String text, Map<String, String> params) {
        if (ANY_REQUEST.matcher(text).find()) {
            return true;
        }
        for (Map.Entry<String, String> p : params.entrySet()) {
            String type = p.getValue();
            String v = Pattern.quote(p.getKey());
            if (type.equals("*http.Request")
                    && Pattern.compile("\\b" + v + "\\.(FormValue|PostFormValue|PathValue)\\(").matcher(text).find()
                    || (type.equals("*gin.Context") || type.equals("echo.Context"))
                    && Pattern.compile("\\b" + v + "\\.(Param|Query|DefaultQuery|PostForm|QueryParam|FormValue)\\(")
                            .matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    private static boolean assignedFromRequest(SyntaxNode fn, SyntaxNode id, Map<String, String> params) {
        for (SyntaxNode s : fn.descendants("short_var_declaration", "assignment_statement")) {
            SyntaxNode left = s.field("left");
            SyntaxNode right = s.field("right");
            if (s.start() < id.start() && left != null && right != null && left.namedChildren().size() >= 1
                    && left.namedChildren().get(0).text().equals(id.text()) && fromRequest(right.text(), params)) {
                return true;
            }
        }
        return false;
    }

    /** The function keeps the base name or rejects "..": the path is checked. */
    private static boolean sanitised(SyntaxNode fn) {
        String body = fn.text();
        return body.contains("filepath.Base(") || body.contains("path.Base(") || body.contains("\"..\"")
                || body.contains("filepath.IsLocal(") || body.contains("securejoin") || body.contains("filepath.Rel(")
                || body.contains("os.OpenRoot(") || body.contains("strings.HasPrefix(");
    }
}

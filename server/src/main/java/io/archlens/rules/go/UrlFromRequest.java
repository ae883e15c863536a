package io.archlens.rules.go;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.go.Go;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An outbound request ({@code http.Get}/{@code Head}/{@code Post}/{@code PostForm}, a client's same methods,
 * {@code http.NewRequest}) whose URL takes its host from the request: the request value itself, or a URL that
 * starts with it or with only a scheme before it ({@code "https://" + host}, {@code fmt.Sprintf("https://%s/api",
 * host)}), directly or through variables of the function (every assignment before the call counts). A fixed host
 * followed by a value from the request ({@code "https://api.example.com/" + id}) is not reported.
 */
final class UrlFromRequest extends GoRule {
    private static final Map<String, Integer> FUNCTIONS = Map.of("http.Get", 0, "http.Head", 0, "http.Post", 0,
            "http.PostForm", 0, "http.NewRequest", 1, "http.NewRequestWithContext", 2);
    private static final Pattern CLIENT_METHOD = Pattern.compile("Get|Head|Post|PostForm");
    private static final Pattern SCHEME_ONLY = Pattern.compile("((https?|wss?):)?(//)?");
    private static final Pattern VERB = Pattern.compile("%[-+# 0]*(?:\\[\\d+])?[\\d*]*(?:\\.[\\d*]*)?[a-zA-Z]");

    UrlFromRequest() {
        super(go("url-from-request", "Outbound URL host from the request", Severity.WARNING, Category.SECURITY));
    }

    @Override
    void run(CodeTree t, RuleContext ctx) {
        for (SyntaxNode call : t.all("call_expression")) {
            Integer at = FUNCTIONS.get(Go.callee(call));
            SyntaxNode recv = Go.receiver(call);
            if (at == null && recv != null && CLIENT_METHOD.matcher(Go.method(call)).matches()
                    && recv.text().toLowerCase(java.util.Locale.ROOT).endsWith("client")) {
                at = 0;
            }
            SyntaxNode fn = Go.function(call);
            SyntaxNode url = at == null || fn == null ? null : Go.arg(call, at);
            if (url != null && host(Go.unwrap(url), fn, Go.params(fn), SCHEME_ONLY, 0)) {
                ctx.report(url.range(), "The host of this URL comes from the request (judging by where it is read): "
                        + "callers can make the service fetch internal addresses (cloud metadata, admin ports) "
                        + "with its network access; choose the host from an allow-list and take only an id or a "
                        + "path from the request");
            }
        }
    }

    /**
     * The value decides the URL's host and the request decides the value: the request value itself, or after a
     * literal that {@code prefix} matches (only a scheme: {@code "https://"}).
     */
    static boolean host(SyntaxNode e, SyntaxNode fn, Map<String, String> params, Pattern prefix, int depth) {
        if (e == null || depth > 6 || Go.isString(e)) {
            return false;
        }
        if (e.is("binary_expression") && e.field("operator") != null && e.field("operator").text().equals("+")) {
            List<SyntaxNode> parts = operands(e, new ArrayList<>());
            String head = Go.stringValue(parts.get(0));
            if (head == null) {
                return host(parts.get(0), fn, params, prefix, depth + 1);
            }
            return prefix.matcher(head).matches() && parts.size() > 1
                    && fromRequest(Go.unwrap(parts.get(1)), fn, params, depth + 1);
        }
        if (e.is("call_expression") && Go.callee(e).equals("fmt.Sprintf")) {
            String format = Go.stringValue(Go.unwrap(Go.arg(e, 0)));
            Matcher m = format == null ? null : VERB.matcher(format);
            return m != null && m.find() && prefix.matcher(format.substring(0, m.start())).matches()
                    && fromRequest(Go.unwrap(Go.arg(e, 1)), fn, params, depth + 1);
        }
        if (e.is("identifier")) {
            for (SyntaxNode v : assigned(fn, e)) {
                if (host(v, fn, params, prefix, depth + 1)) {
                    return true;
                }
            }
        }
        return fromRequest(e, fn, params, depth);
    }

    /** Request data: read from the request where it is, or a variable (or an element of one) assigned from it. */
    private static boolean fromRequest(SyntaxNode e, SyntaxNode fn, Map<String, String> params, int depth) {
        if (e == null || depth > 8) {
            return false;
        }
        if (e.is("call_expression") && e.field("function") != null) {
            // r.URL.Query().Get("u"), r.FormValue("u"), c.Query("u"): the call chain reads the request; a call
            // that only takes request data as an argument (fmt.Sprintf, url.QueryEscape) is not the data itself
            return PathFromRequest.fromRequest(e.field("function").text() + "()", params);
        }
        if (e.is("selector_expression") && PathFromRequest.fromRequest(e.text(), params)) {
            return true;
        }
        if (e.is("index_expression")) {
            return fromRequest(Go.unwrap(e.field("operand")), fn, params, depth + 1);
        }
        if (e.is("identifier")) {
            for (SyntaxNode v : assigned(fn, e)) {
                if (fromRequest(Go.unwrap(v), fn, params, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The values the identifier may hold where it is used: those of its visible declaration ({@code :=} in a block
     * around the use, the last one before it) and of the plain assignments after that declaration in its block,
     * before the use; without a visible declaration, every assignment of the function before the use.
     */
    private static List<SyntaxNode> assigned(SyntaxNode fn, SyntaxNode id) {
        List<SyntaxNode> out = new ArrayList<>();
        SyntaxNode body = fn.field("body");
        if (body == null) {
            return out;
        }
        List<SyntaxNode> stmts = new ArrayList<>();
        SyntaxNode decl = null;
        for (SyntaxNode s : body.descendants("short_var_declaration", "assignment_statement")) {
            SyntaxNode op = s.field("operator");
            if (s.start() >= id.start() || value(s, id.text()) == null
                    || s.is("assignment_statement") && op != null && !op.text().equals("=")) {
                continue; // u += path appends: it does not choose the host
            }
            stmts.add(s);
            if (s.is("short_var_declaration") && s.parent() != null && s.parent().contains(id)) {
                decl = s;
            }
        }
        for (SyntaxNode s : stmts) {
            if (decl == null || s.equals(decl) || s.is("assignment_statement") && s.start() > decl.start()
                    && decl.parent().contains(s)) {
                out.add(value(s, id.text()));
            }
        }
        return out;
    }

    /** The value a statement gives the name (the first value for {@code urls, ok := m["u"]}), null when none. */
    private static SyntaxNode value(SyntaxNode s, String name) {
        SyntaxNode left = s.field("left");
        SyntaxNode right = s.field("right");
        if (left == null || right == null || right.namedChildren().isEmpty()) {
            return null;
        }
        List<SyntaxNode> names = left.namedChildren();
        List<SyntaxNode> values = right.namedChildren();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).text().equals(name)) {
                return values.size() == names.size() ? Go.unwrap(values.get(i)) : i == 0 ? Go.unwrap(values.get(0)) : null;
            }
        }
        return null;
    }

    private static List<SyntaxNode> operands(SyntaxNode e, List<SyntaxNode> out) {
        e = Go.unwrap(e);
        if (e.is("binary_expression") && e.field("operator") != null && e.field("operator").text().equals("+")) {
            operands(e.field("left"), out);
            operands(e.field("right"), out);
        } else {
            out.add(e);
        }
        return out;
    }
}

package io.archlens.rules.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.java.Decls;
import io.archlens.syntax.java.JavaFile;
import io.archlens.syntax.java.Jx;
import io.archlens.syntax.java.RequestData;
import java.util.HashSet;
import java.util.Set;

/**
 * Request data ({@link RequestData}: annotated handler parameters, servlet request getters) reaching a call that
 * uses it as a redirect target, a file path or the address the server fetches. Quiet when the method calls
 * something that looks like a check ({@link RequestData#checked}).
 */
final class RequestDataSink extends JavaRule {
    enum Target { REDIRECT, PATH, URL }

    private static final Set<String> FILES = Set.of("File", "FileInputStream", "FileOutputStream", "FileReader",
            "FileWriter", "RandomAccessFile", "FileSystemResource", "ClassPathResource", "PrintWriter");
    private static final Set<String> FILES_CALLS = Set.of("newInputStream", "newOutputStream", "readAllBytes",
            "readString", "readAllLines", "lines", "write", "writeString", "delete", "deleteIfExists", "copy", "move",
            "newBufferedReader", "newBufferedWriter", "list", "walk");
    private static final Set<String> HTTP_CALLS = Set.of("getForObject", "getForEntity", "postForObject",
            "postForEntity", "postForLocation", "exchange", "put", "patchForObject", "headForHeaders");
    private static final Set<String> URL_TYPES = Set.of("URL", "HttpGet", "HttpPost", "HttpPut", "HttpDelete",
            "HttpHead");
    private final Target target;

    private RequestDataSink(Target target, String id, String title) {
        super(java(id, title, Severity.ERROR, Category.SECURITY));
        this.target = target;
    }

    static RequestDataSink redirect() {
        return new RequestDataSink(Target.REDIRECT, "open-redirect", "Redirect to an address taken from the request");
    }

    static RequestDataSink path() {
        return new RequestDataSink(Target.PATH, "path-from-request", "File path built from request data");
    }

    static RequestDataSink url() {
        return new RequestDataSink(Target.URL, "url-from-request", "Server-side request to an address from the request");
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        Set<Integer> seen = new HashSet<>();
        for (ObjectCreationExpr oc : f.all(ObjectCreationExpr.class)) {
            String t = oc.getType().getNameAsString();
            if (oc.getArguments().isEmpty()) {
                continue;
            }
            if (target == Target.PATH && FILES.contains(t)) {
                for (Expression a : oc.getArguments()) {
                    report(f, ctx, seen, a, false, "new " + t);
                }
            } else if (target == Target.URL && URL_TYPES.contains(t) && (!t.equals("URL") || opened(oc))) {
                report(f, ctx, seen, oc.getArgument(0), true, "new " + t);
            } else if (target == Target.REDIRECT && (t.equals("RedirectView") || t.equals("ModelAndView")
                    && redirectView(oc.getArgument(0)))) {
                report(f, ctx, seen, oc.getArgument(0), true, "new " + t);
            }
        }
        for (MethodCallExpr c : f.all(MethodCallExpr.class)) {
            String n = c.getNameAsString();
            String scope = c.getScope().map(f::printed).orElse("");
            if (c.getArguments().isEmpty()) {
                continue;
            }
            switch (target) {
                case REDIRECT -> {
                    if (n.equals("sendRedirect")) {
                        report(f, ctx, seen, c.getArgument(0), true, "sendRedirect");
                    } else if ((n.equals("setHeader") || n.equals("addHeader")) && c.getArguments().size() == 2
                            && c.getArgument(0).toString().replace("\"", "").equalsIgnoreCase("Location")) {
                        report(f, ctx, seen, c.getArgument(1), true, n + "(\"Location\")");
                    } else if (n.equals("location") && c.getArguments().size() == 1) {
                        report(f, ctx, seen, c.getArgument(0), true, "ResponseEntity location");
                    }
                }
                case PATH -> {
                    if ((n.equals("get") && scope.equals("Paths") || n.equals("of") && scope.equals("Path"))
                            || scope.equals("Files") && FILES_CALLS.contains(n)
                            || n.equals("getResource") && !scope.isEmpty() && !scope.endsWith("getClass()")
                                    && !scope.endsWith("class") && !scope.endsWith("getClassLoader()")
                            || n.equals("resolve") && pathReceiver(c)) {
                        for (Expression a : c.getArguments()) {
                            report(f, ctx, seen, a, false, scope.isEmpty() ? n : scope + "." + n);
                        }
                    }
                }
                case URL -> {
                    if (HTTP_CALLS.contains(n) && scope.toLowerCase(java.util.Locale.ROOT).contains("rest")
                            || n.equals("uri") || n.equals("connect") && scope.equals("Jsoup")
                            || n.equals("newBuilder") && scope.equals("HttpRequest")) {
                        report(f, ctx, seen, c.getArgument(0), true, scope.isEmpty() ? n : scope + "." + n);
                    }
                }
                default -> { }
            }
        }
        if (target == Target.REDIRECT) {
            for (ReturnStmt r : f.all(ReturnStmt.class)) {
                if (r.getExpression().map(RequestDataSink::redirectView).orElse(false)) {
                    report(f, ctx, seen, r.getExpression().get(), true, "the \"redirect:\" view");
                }
            }
        }
    }

    /** {@code x.resolve(...)} on a {@code Path}: a variable declared so, or {@code Paths.get}/{@code toPath()}. */
    private static boolean pathReceiver(MethodCallExpr c) {
        Expression s = c.getScope().orElse(null);
        if (s instanceof com.github.javaparser.ast.expr.NameExpr n) {
            return "Path".equals(Decls.typeOf(c, n.getNameAsString()));
        }
        return s instanceof MethodCallExpr m && (m.getNameAsString().equals("toPath") || m.getNameAsString().equals("get")
                && m.getScope().map(x -> x.toString().equals("Paths")).orElse(false)
                || m.getNameAsString().equals("of") && m.getScope().map(x -> x.toString().equals("Path")).orElse(false));
    }

    /** {@code new URL(x)} that is opened: {@code .openConnection()}/{@code .openStream()} on it or its variable. */
    private static boolean opened(ObjectCreationExpr oc) {
        if (oc.getParentNode().orElse(null) instanceof MethodCallExpr m && m.getScope().orElse(null) == oc) {
            return m.getNameAsString().startsWith("open");
        }
        String var = Jx.storedIn(oc);
        return var != null && Jx.callable(oc).map(c -> c.findAll(MethodCallExpr.class).stream().anyMatch(m ->
                m.getNameAsString().startsWith("open") && m.getScope().map(x -> x.toString().equals(var))
                        .orElse(false))).orElse(false);
    }

    /** A view name that starts "redirect:" (as written, or the value of the local variable returned). */
    private static boolean redirectView(Expression e) {
        if (e.isNameExpr()) {
            return Decls.find(e, e.asNameExpr().getNameAsString()).map(Decls.Decl::local)
                    .flatMap(v -> v.getInitializer()).filter(i -> !i.isNameExpr()).map(RequestDataSink::redirectView)
                    .orElse(false);
        }
        String s = e.toString();
        return s.startsWith("\"redirect:") || s.startsWith("String.format(\"redirect:");
    }

    private void report(JavaFile f, RuleContext ctx, Set<Integer> seen, Expression arg, boolean leading, String api) {
        String origin = RequestData.origin(arg, leading);
        if (origin == null || RequestData.checked(arg) || !seen.add(f.range(arg).start())) {
            return;
        }
        String what = switch (target) {
            case REDIRECT -> "The redirect target comes from " + origin + ": a link to your site sends users wherever "
                    + "the attacker wants (phishing with your domain in the address); redirect to a path you build "
                    + "or check the target against an allow-list";
            case PATH -> api + " opens a path built from " + origin + ": ../ reads or writes files outside the "
                    + "intended folder; keep only the file name (FilenameUtils.getName) or resolve, normalize and check "
                    + "it stays under the base folder";
            case URL -> api + " requests an address that starts with " + origin + ": the server fetches whatever "
                    + "host the caller names (internal services, cloud metadata at 169.254.169.254); build the URL "
                    + "from a configured base and check the host against an allow-list";
        };
        ctx.report(f.range(arg), what);
    }

}

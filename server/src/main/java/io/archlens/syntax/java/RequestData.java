package io.archlens.syntax.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a value carries data of the HTTP request, as a fact the code states: a handler parameter annotated
 * {@code @RequestParam}, {@code @PathVariable}, {@code @RequestHeader}, {@code @RequestBody}, {@code @CookieValue}
 * (or JAX-RS's {@code @QueryParam}, {@code @PathParam}...), or a getter of a value declared
 * {@code HttpServletRequest} ({@code getParameter}, {@code getHeader}, {@code getQueryString}...). Followed through
 * locals (their initializer and assignments), concatenation, {@code String.format} and string methods, within the
 * method. A parameter that is merely named "input" is not request data. <em>Leading</em> asks whether the request
 * data is where the value starts (it decides a URL's host or a redirect target), not merely somewhere in it.
 */
public final class RequestData {
    private static final Set<String> ANNOTATIONS = Set.of("RequestParam", "PathVariable", "RequestHeader",
            "RequestBody", "CookieValue", "MatrixVariable", "RequestPart", "QueryParam", "PathParam", "FormParam",
            "HeaderParam", "CookieParam");
    private static final Set<String> REQUEST_TYPES = Set.of("HttpServletRequest", "ServletRequest",
            "HttpServletRequestWrapper", "ServerHttpRequest", "WebRequest", "NativeWebRequest");
    private static final Set<String> GETTERS = Set.of("getParameter", "getParameterValues", "getHeader",
            "getQueryString", "getPathInfo", "getRequestURI", "getRequestURL", "getCookies", "getQueryParams",
            "getHeaders", "getParameterMap", "getReader", "getInputStream", "getPart", "getRemoteUser");
    /** Methods that pass their receiver's text on (a substring of request data is request data). */
    private static final Set<String> PASS_ON = Set.of("trim", "strip", "toLowerCase", "toUpperCase", "substring",
            "replace", "replaceAll", "toString", "get", "getFirst", "getValue", "orElse", "intern", "concat");
    private static final Set<String> GUARDS = Set.of("startswith", "matches", "getcanonicalpath", "normalize",
            "getfilename", "getname");
    private static final int MAX_DEPTH = 6;

    private RequestData() {
    }

    /** Where the request data in {@code e} comes from, in words, or null when the code does not say it has any. */
    public static String origin(Expression e, boolean leading) {
        return origin(e, leading, 0);
    }

    private static String origin(Expression e, boolean leading, int depth) {
        if (depth > MAX_DEPTH || e == null) {
            return null;
        }
        if (e.isEnclosedExpr()) {
            return origin(e.asEnclosedExpr().getInner(), leading, depth + 1);
        }
        if (e.isCastExpr()) {
            return origin(e.asCastExpr().getExpression(), leading, depth + 1);
        }
        if (e.isConditionalExpr()) {
            String a = origin(e.asConditionalExpr().getThenExpr(), leading, depth + 1);
            return a != null ? a : origin(e.asConditionalExpr().getElseExpr(), leading, depth + 1);
        }
        if (e.isBinaryExpr()) {
            List<Expression> parts = new ArrayList<>();
            StringTracker.flatten(e, parts);
            return parts(parts, leading, depth);
        }
        if (e.isNameExpr()) {
            return name(e.asNameExpr(), leading, depth);
        }
        if (e.isArrayAccessExpr()) { // values[0] of getParameterValues
            return origin(e.asArrayAccessExpr().getName(), leading, depth + 1);
        }
        if (e.isObjectCreationExpr()) {
            ObjectCreationExpr oc = e.asObjectCreationExpr();
            String t = oc.getType().getNameAsString();
            if ((t.equals("URI") || t.equals("URL") || t.equals("StringBuilder")) && oc.getArguments().size() == 1) {
                return origin(oc.getArgument(0), leading, depth + 1);
            }
            return null;
        }
        if (e.isMethodCallExpr()) {
            return call(e.asMethodCallExpr(), leading, depth);
        }
        return null;
    }

    private static String parts(List<Expression> parts, boolean leading, int depth) {
        for (Expression p : parts) {
            if (leading && p.isStringLiteralExpr()) {
                String v = p.asStringLiteralExpr().getValue();
                if (v.isEmpty() || v.equals("redirect:") || v.equals("forward:")) {
                    continue;
                }
                return null;
            }
            String o = origin(p, leading, depth + 1);
            if (o != null || leading) {
                return o;
            }
        }
        return null;
    }

    private static String call(MethodCallExpr c, boolean leading, int depth) {
        String n = c.getNameAsString();
        Optional<Expression> scope = c.getScope();
        if (GETTERS.contains(n) && scope.isPresent() && scope.get().isNameExpr()) {
            String type = Decls.typeOf(c, scope.get().asNameExpr().getNameAsString());
            if (type != null && REQUEST_TYPES.contains(type)) {
                return scope.get() + "." + n + "(" + (c.getArguments().isEmpty() ? "" : c.getArgument(0)) + ")";
            }
        }
        boolean stringClass = scope.map(s -> s.toString().equals("String")).orElse(false);
        if (n.equals("format") && stringClass && !c.getArguments().isEmpty()) {
            if (!leading) {
                return parts(new ArrayList<>(c.getArguments()), false, depth);
            }
            Expression fmt = c.getArgument(0);
            boolean starts = fmt.isStringLiteralExpr() && fmt.asStringLiteralExpr().getValue()
                    .matches("(redirect:|forward:)?%s.*");
            return starts && c.getArguments().size() > 1 ? origin(c.getArgument(1), true, depth + 1) : null;
        }
        boolean uriCreate = n.equals("create") && scope.map(s -> s.toString().equals("URI")).orElse(false);
        if ((n.equals("valueOf") && stringClass || n.equals("decode") || uriCreate) && !c.getArguments().isEmpty()) {
            return origin(c.getArgument(0), leading, depth + 1);
        }
        if (PASS_ON.contains(n) && scope.isPresent()) {
            return origin(scope.get(), leading, depth + 1);
        }
        return null;
    }

    private static String name(NameExpr ne, boolean leading, int depth) {
        String n = ne.getNameAsString();
        Optional<Decls.Decl> d = Decls.find(ne, n);
        if (d.isEmpty()) {
            return null;
        }
        Parameter p = d.get().parameter();
        if (p != null) {
            String annotated = p.getAnnotations().stream().map(a -> a.getName().getIdentifier())
                    .filter(ANNOTATIONS::contains).findFirst().map(a -> "parameter '" + n + "' (@" + a + ")")
                    .orElse(null);
            return annotated != null ? annotated : passedIn(p, leading, depth);
        }
        VariableDeclarator v = d.get().local();
        if (v == null) {
            return null;
        }
        List<Expression> values = new ArrayList<>();
        v.getInitializer().ifPresent(values::add);
        for (AssignExpr a : Jx.callable(ne).map(c -> c.findAll(AssignExpr.class)).orElse(List.of())) {
            if (a.getTarget().isNameExpr() && a.getTarget().asNameExpr().getNameAsString().equals(n)) {
                values.add(a.getValue());
            }
        }
        for (Expression val : values.subList(0, Math.min(values.size(), 16))) {
            String o = origin(val, leading, depth + 1);
            if (o != null) {
                return o;
            }
        }
        return null;
    }

    /**
     * A parameter of a private method: request data when a call in the same class passes request data in its place
     * (one level: a handler that hands a request parameter to its private helper).
     */
    private static String passedIn(Parameter p, boolean leading, int depth) {
        if (!(p.getParentNode().orElse(null) instanceof MethodDeclaration m) || !m.isPrivate()
                || depth > MAX_DEPTH - 2) {
            return null;
        }
        int at = m.getParameters().indexOf(p);
        Optional<ClassOrInterfaceDeclaration> type = m.findAncestor(ClassOrInterfaceDeclaration.class);
        if (at < 0 || type.isEmpty()) {
            return null;
        }
        for (MethodCallExpr c : type.get().findAll(MethodCallExpr.class)) {
            if (c.getNameAsString().equals(m.getNameAsString()) && c.getArguments().size() == m.getParameters().size()
                    && c.getScope().map(Expression::isThisExpr).orElse(true)
                    && Jx.callable(c).map(x -> x != m).orElse(false)) {
                String o = origin(c.getArgument(at), leading, depth + 2);
                if (o != null) {
                    return o + ", passed to " + m.getNameAsString() + "()";
                }
            }
        }
        return null;
    }

    /**
     * Whether the method around {@code value} checks it before use: a call named like a validation
     * ({@code isValid...}, {@code ...Allowed...}, {@code startsWith}, {@code matches}, {@code normalize},
     * {@code getCanonicalPath}, {@code getName}) made on or with a variable the value is built from (or one that
     * variable is built from). A rule that assumes no check stays quiet then.
     */
    public static boolean checked(Expression value) {
        Set<String> names = new java.util.HashSet<>();
        List<NameExpr> used = new ArrayList<>(value.findAll(NameExpr.class));
        for (NameExpr n : List.copyOf(used)) {
            Decls.find(n, n.getNameAsString()).map(Decls.Decl::local).flatMap(VariableDeclarator::getInitializer)
                    .ifPresent(init -> used.addAll(init.findAll(NameExpr.class)));
        }
        used.forEach(n -> names.add(n.getNameAsString()));
        return Jx.callable(value).map(m -> m.findAll(MethodCallExpr.class).stream().anyMatch(c -> {
            String n = c.getNameAsString().toLowerCase(Locale.ROOT);
            boolean guard = GUARDS.contains(n) || n.contains("valid") || n.contains("allow") || n.contains("safe")
                    || n.contains("trusted") || n.contains("whitelist") || n.contains("sanitiz");
            if (!guard) {
                return false;
            }
            boolean onScope = c.getScope().map(s -> mentions(s, names)).orElse(false);
            return onScope || c.getArguments().stream().anyMatch(a -> mentions(a, names));
        })).orElse(false);
    }

    private static boolean mentions(Expression e, Set<String> names) {
        return e.isNameExpr() && names.contains(e.asNameExpr().getNameAsString())
                || e.findAll(NameExpr.class).stream().anyMatch(n -> names.contains(n.getNameAsString()));
    }
}

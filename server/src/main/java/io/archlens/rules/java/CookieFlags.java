package io.archlens.rules.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.java.JavaFile;
import io.archlens.syntax.java.Jx;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Servlet cookies without their protections. {@code disabled()}: {@code setSecure(false)} or
 * {@code setHttpOnly(false)} written on a cookie. {@code missing()}: a {@code new Cookie(...)} added to the response
 * (or Spring's {@code ResponseCookie.from(...)} built) in the method without {@code Secure} or {@code HttpOnly}; quiet when
 * the cookie is handed to another method than {@code addCookie} (set there) or deleted ({@code setMaxAge(0)}).
 */
final class CookieFlags extends JavaRule {
    private final boolean disabled;

    private CookieFlags(boolean disabled, String id, String title) {
        super(java(id, title, Severity.WARNING, Category.SECURITY));
        this.disabled = disabled;
    }

    static CookieFlags disabled() {
        return new CookieFlags(true, "cookie-flags-disabled", "Cookie Secure or HttpOnly switched off");
    }

    static CookieFlags missing() {
        return new CookieFlags(false, "cookie-without-flags", "Cookie without Secure or HttpOnly");
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        if (disabled) {
            for (MethodCallExpr c : f.all(MethodCallExpr.class)) {
                String n = c.getNameAsString();
                if ((n.equals("setSecure") || n.equals("setHttpOnly")) && c.getArguments().size() == 1
                        && c.getArgument(0).toString().equals("false") && c.getScope().isPresent()) {
                    ctx.report(f.range(c), n.equals("setSecure")
                            ? "setSecure(false) lets the browser send this cookie over plain HTTP, where anyone on the "
                                    + "network reads it; set it to true (HTTPS only)"
                            : "setHttpOnly(false) lets any script on the page read this cookie, so one XSS steals it; "
                                    + "set it to true unless the front end must read it (then keep secrets out of it)");
                }
            }
            return;
        }
        for (ObjectCreationExpr oc : f.all(ObjectCreationExpr.class)) {
            if (!oc.getType().getNameAsString().equals("Cookie") || oc.getArguments().size() != 2) {
                continue;
            }
            String var = Jx.storedIn(oc);
            if (var == null) {
                continue;
            }
            boolean secure = false;
            boolean httpOnly = false;
            boolean elsewhere = false;
            MethodCallExpr added = null;
            // a local variable lives in its block: two branches may each declare their own cookie under one name
            com.github.javaparser.ast.Node scope = oc.findAncestor(com.github.javaparser.ast.expr.VariableDeclarationExpr.class)
                    .flatMap(d -> d.findAncestor(com.github.javaparser.ast.stmt.BlockStmt.class))
                    .map(b -> (com.github.javaparser.ast.Node) b).or(() -> Jx.callable(oc)).orElse(null);
            for (MethodCallExpr m : scope == null ? List.<MethodCallExpr>of() : scope.findAll(MethodCallExpr.class)) {
                String on = m.getScope().map(Object::toString).orElse("");
                String n = m.getNameAsString();
                if (on.equals(var)) {
                    secure |= n.equals("setSecure");
                    httpOnly |= n.equals("setHttpOnly");
                    elsewhere |= n.equals("setMaxAge") && m.getArgument(0).toString().equals("0");
                } else if (n.equals("addCookie") && m.getArguments().size() == 1
                        && m.getArgument(0).toString().equals(var)) {
                    added = added == null ? m : added;
                } else if (m.getArguments().stream()
                        .anyMatch(a -> a.isNameExpr() && a.asNameExpr().getNameAsString().equals(var))) {
                    elsewhere = true;
                }
            }
            if (!elsewhere && added != null) {
                missing(f, ctx, added, secure, httpOnly);
            }
        }
        for (MethodCallExpr c : f.all(MethodCallExpr.class)) {
            if (c.getNameAsString().equals("from") && c.getScope().map(s -> s.toString().equals("ResponseCookie"))
                    .orElse(false)) {
                Set<String> names = Jx.chainNames(c);
                if (names.contains("build")) {
                    missing(f, ctx, c, names.contains("secure"), names.contains("httpOnly"));
                }
            }
        }
    }

    private static void missing(JavaFile f, RuleContext ctx, Expression at, boolean secure, boolean httpOnly) {
        List<String> gaps = new ArrayList<>();
        if (!secure) {
            gaps.add("Secure (sent over plain HTTP too)");
        }
        if (!httpOnly) {
            gaps.add("HttpOnly (readable by scripts, so an XSS steals it)");
        }
        if (!gaps.isEmpty()) {
            ctx.report(at instanceof ObjectCreationExpr oc ? f.range(oc.getType()) : f.nameRange(at), "This cookie is "
                    + "set without " + String.join(" and without ", gaps) + "; set both flags (and SameSite) on cookies "
                    + "that identify a user (assumes it carries a session or token)");
        }
    }
}

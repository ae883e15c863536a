package io.archlens.syntax.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import io.archlens.code.Listen;
import io.archlens.code.ServiceUrl;
import io.archlens.core.TextRange;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java facts the cross-file model joins with configuration: the ports the code binds itself
 * ({@code factory.setPort(9090)}, {@code new ServerSocket(8080)}, {@code server.port} in
 * {@code SpringApplication.setDefaultProperties}) and the service URLs written as literals.
 */
final class JavaSystemFacts {
    /** {@code http(s)://host[:port][/...]}, the host a name or address (no template, no user info). */
    static final Pattern URL = Pattern.compile("(https?)://([A-Za-z0-9][A-Za-z0-9.-]*)(?::(\\d{1,5}))?(/[^\\s]*)?");

    private JavaSystemFacts() {
    }

    static void listens(JavaFile f, List<Listen> out) {
        for (MethodCallExpr c : f.all(MethodCallExpr.class)) {
            String n = c.getNameAsString();
            if (n.equals("setPort") && c.getArguments().size() == 1 && serverSide(c)) {
                port(f, c.getArgument(0), c, out);
            } else if (n.equals("setDefaultProperties") && c.getArguments().size() == 1) {
                defaultProperties(f, c.getArgument(0), out);
            }
        }
        for (ObjectCreationExpr e : f.all(ObjectCreationExpr.class)) {
            String t = e.getType().getNameAsString();
            // a one-argument InetSocketAddress is a bind address (the wildcard host); with a host it is a target
            if (t.equals("ServerSocket") && !e.getArguments().isEmpty()
                    || t.equals("InetSocketAddress") && e.getArguments().size() == 1) {
                port(f, e.getArguments().get(0), e, out);
            }
        }
    }

    /** {@code setPort} on a web server or its factory ({@code factory}, {@code TomcatServletWebServerFactory}). */
    private static boolean serverSide(MethodCallExpr c) {
        if (c.getScope().isEmpty()) {
            return false;
        }
        String type = JavaSinkFacts.receiverType(c);
        String what = (type == null ? "" : type) + " " + c.getScope().get();
        String w = what.toLowerCase(java.util.Locale.ROOT);
        return (w.contains("factory") || w.contains("server") || w.contains("connector") || w.contains("tomcat")
                || w.contains("jetty") || w.contains("undertow")) && !w.contains("mail") && !w.contains("redis")
                && !w.contains("smtp") && !w.contains("datasource") && !w.contains("client");
    }

    /** A port argument: an int literal, or {@code Integer.parseInt(System.getenv("PORT"))} style reads. */
    private static void port(JavaFile f, Expression a, com.github.javaparser.ast.Node at, List<Listen> out) {
        if (a.isIntegerLiteralExpr()) {
            Integer p = parse(a.asIntegerLiteralExpr().getValue());
            if (p != null && p > 0) {
                out.add(new Listen(p, null, f.range(a)));
            }
            return;
        }
        for (MethodCallExpr c : a.findAll(MethodCallExpr.class)) {
            boolean env = Jx.isStaticCall(f, c, "java.lang.System", "getenv");
            if ((env || Jx.isStaticCall(f, c, "java.lang.System", "getProperty")) && !c.getArguments().isEmpty()) {
                String key = JavaFacts.literal(c.getArgument(0));
                String fallback = c.getArguments().size() > 1 ? JavaFacts.literal(c.getArgument(1)) : null;
                if (key != null) {
                    out.add(new Listen(parse(fallback), key, f.range(a)));
                    return;
                }
            }
        }
    }

    /** {@code app.setDefaultProperties(Map.of("server.port", "8081"))}: Spring's port unless configuration sets one. */
    private static void defaultProperties(JavaFile f, Expression a, List<Listen> out) {
        if (!(a instanceof MethodCallExpr m) || !m.getNameAsString().equals("of")) {
            return;
        }
        for (int i = 0; i + 1 < m.getArguments().size(); i += 2) {
            if ("server.port".equals(JavaFacts.literal(m.getArgument(i)))) {
                Expression v = m.getArgument(i + 1);
                Integer p = v.isStringLiteralExpr() ? parse(v.asStringLiteralExpr().getValue())
                        : v.isIntegerLiteralExpr() ? parse(v.asIntegerLiteralExpr().getValue()) : null;
                if (p != null) {
                    out.add(new Listen(p, "server.port", f.range(v)));
                }
            }
        }
    }

    static void urls(JavaFile f, List<ServiceUrl> out) {
        for (StringLiteralExpr s : f.all(StringLiteralExpr.class)) {
            String v = s.getValue();
            if (v.length() < 10 || !v.startsWith("http")) {
                continue;
            }
            ServiceUrl u = url(v, f.range(s));
            if (u != null) {
                out.add(u);
            }
        }
    }

    /** A service URL from a literal's text, or null when it names no host. */
    static ServiceUrl url(String v, TextRange r) {
        Matcher m = URL.matcher(v);
        if (!m.matches()) {
            return null;
        }
        String host = m.group(2);
        if (host.endsWith(".") || host.endsWith("-")) {
            return null;
        }
        Integer port = m.group(3) == null ? null : parse(m.group(3));
        return new ServiceUrl(v, m.group(1), host, port, r);
    }

    static Integer parse(String s) {
        if (s == null) {
            return null;
        }
        try {
            int p = Integer.parseInt(s.strip().replace("_", ""));
            return p >= 0 && p < 65536 ? p : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

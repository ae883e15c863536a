package io.archlens.syntax.java;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import io.archlens.code.CodeFacts;
import io.archlens.code.ConfigRead;
import io.archlens.code.HttpClientFact;
import io.archlens.code.RemoteCall;
import io.archlens.code.Route;
import io.archlens.code.Sink;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Java's producer of the language-neutral {@link CodeFacts}. */
final class JavaFacts {
    private JavaFacts() {
    }

    static CodeFacts extract(JavaFile f) {
        List<HttpClientFact> clients = new ArrayList<>();
        JavaHttpFacts.clients(f, clients);
        List<RemoteCall> calls = new ArrayList<>();
        JavaHttpFacts.remoteCalls(f, calls);
        List<Sink> sinks = new ArrayList<>();
        JavaSinkFacts.sinks(f, sinks);
        List<ConfigRead> reads = new ArrayList<>();
        configReads(f, reads);
        List<Route> routes = new ArrayList<>();
        routes(f, routes);
        CodeFacts.Builder b = CodeFacts.builder();
        b.httpClients.addAll(clients);
        b.remoteCalls.addAll(calls);
        b.sinks.addAll(sinks);
        b.configReads.addAll(reads);
        b.routes.addAll(routes);
        JavaSystemFacts.listens(f, b.listens);
        JavaSystemFacts.urls(f, b.urls);
        JavaEntities.entities(f, b.entities);
        b.shutdown = io.archlens.code.CodeFacts.Shutdown.UNKNOWN; // the JVM runs shutdown hooks; Spring drains on SIGTERM
        return b.build();
    }

    private static void configReads(JavaFile f, List<ConfigRead> out) {
        for (MethodCallExpr c : f.all(MethodCallExpr.class)) {
            boolean env = Jx.isStaticCall(f, c, "java.lang.System", "getenv");
            boolean sys = Jx.isStaticCall(f, c, "java.lang.System", "getProperty");
            boolean spring = !env && !sys && c.getNameAsString().equals("getProperty")
                    && "Environment".equals(JavaSinkFacts.receiverType(c));
            if ((env || sys || spring) && !c.getArguments().isEmpty()) {
                String key = literal(c.getArgument(0));
                String fallback = c.getArguments().size() > 1 ? literal(c.getArgument(1)) : null;
                out.add(new ConfigRead(env ? "env" : "property", key, fallback, f.range(c)));
            }
        }
        for (AnnotationExpr a : f.all(AnnotationExpr.class)) {
            if (!a.getName().getIdentifier().equals("Value")) {
                continue;
            }
            String v = value(a).map(JavaFacts::literal).orElse(null);
            if (v != null && v.startsWith("${") && v.endsWith("}")) {
                String body = v.substring(2, v.length() - 1);
                int colon = body.indexOf(':');
                out.add(new ConfigRead("property", colon < 0 ? body : body.substring(0, colon),
                        colon < 0 ? null : body.substring(colon + 1), f.range(a)));
            }
        }
    }

    private static void routes(JavaFile f, List<Route> out) {
        for (MethodDeclaration m : f.all(MethodDeclaration.class)) {
            Optional<AnnotationExpr> a = Jx.annotation(m, "RequestMapping", "GetMapping", "PostMapping", "PutMapping",
                    "DeleteMapping", "PatchMapping");
            if (a.isEmpty()) {
                continue;
            }
            String name = a.get().getName().getIdentifier();
            String method = name.equals("RequestMapping") ? "*"
                    : name.substring(0, name.length() - "Mapping".length()).toUpperCase(Locale.ROOT);
            List<String> prefixes = m.findAncestor(TypeDeclaration.class)
                    .flatMap(t -> Jx.annotation((TypeDeclaration<?>) t, "RequestMapping")).flatMap(JavaFacts::value)
                    .map(JavaFacts::paths).orElse(List.of(""));
            List<String> paths = value(a.get()).map(JavaFacts::paths).orElse(List.of(""));
            for (String prefix : prefixes) {
                for (String path : paths) {
                    out.add(new Route(method, prefix + path, m.getNameAsString(), f.nameRange(m)));
                }
            }
        }
    }

    /**
     * The paths of a mapping's value: each literal of an array, the literal itself; a path that is not a literal (a
     * constant, a concatenation) is {@code /**}, which matches any path, so nothing is judged on a guess.
     */
    private static List<String> paths(Expression e) {
        List<Expression> items = e.isArrayInitializerExpr() ? e.asArrayInitializerExpr().getValues() : List.of(e);
        List<String> out = new ArrayList<>();
        for (Expression i : items) {
            out.add(i.isStringLiteralExpr() ? i.asStringLiteralExpr().getValue() : "/**");
        }
        return out.isEmpty() ? List.of("") : out;
    }

    /** The annotation's {@code value} (or {@code path}) member, or its single member. */
    static Optional<Expression> value(AnnotationExpr a) {
        if (a.isSingleMemberAnnotationExpr()) {
            return Optional.of(a.asSingleMemberAnnotationExpr().getMemberValue());
        }
        if (a.isNormalAnnotationExpr()) {
            for (MemberValuePair p : a.asNormalAnnotationExpr().getPairs()) {
                if (p.getNameAsString().equals("value") || p.getNameAsString().equals("path")) {
                    return Optional.of(p.getValue());
                }
            }
        }
        return Optional.empty();
    }

    /** A string literal's value (the first element of an array initializer), else null. */
    static String literal(Expression e) {
        if (e.isArrayInitializerExpr() && !e.asArrayInitializerExpr().getValues().isEmpty()) {
            e = e.asArrayInitializerExpr().getValues().get(0);
        }
        return e.isStringLiteralExpr() ? e.asStringLiteralExpr().getValue() : null;
    }
}

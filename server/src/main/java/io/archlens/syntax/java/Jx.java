package io.archlens.syntax.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Small questions about JavaParser's tree the Java rules and the fact extractor share. */
public final class Jx {
    private static final Set<String> MAPPINGS = Set.of("RequestMapping", "GetMapping", "PostMapping", "PutMapping",
            "DeleteMapping", "PatchMapping");
    private static final Set<String> CONTROLLERS = Set.of("RestController", "Controller");

    private Jx() {
    }

    public static Optional<MethodDeclaration> method(Node n) {
        return n.findAncestor(MethodDeclaration.class);
    }

    /** The nearest method or constructor around a node. */
    public static Optional<CallableDeclaration<?>> callable(Node n) {
        Optional<Node> p = n.getParentNode();
        while (p.isPresent()) {
            if (p.get() instanceof CallableDeclaration<?> c) {
                return Optional.of(c);
            }
            p = p.get().getParentNode();
        }
        return Optional.empty();
    }

    public static Optional<ClassOrInterfaceDeclaration> type(Node n) {
        return n.findAncestor(ClassOrInterfaceDeclaration.class);
    }

    public static Optional<AnnotationExpr> annotation(NodeWithAnnotations<?> n, String... simpleNames) {
        for (AnnotationExpr a : n.getAnnotations()) {
            String name = a.getName().getIdentifier();
            for (String s : simpleNames) {
                if (name.equals(s)) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }

    public static boolean has(NodeWithAnnotations<?> n, String... simpleNames) {
        return annotation(n, simpleNames).isPresent();
    }

    /** A Spring MVC/WebFlux request handler: a mapped method, or any public method of a controller class. */
    public static boolean isHandler(MethodDeclaration m) {
        if (has(m, MAPPINGS.toArray(String[]::new))) {
            return true;
        }
        Optional<TypeDeclaration<?>> t = m.findAncestor(TypeDeclaration.class).map(x -> (TypeDeclaration<?>) x);
        return t.isPresent() && has(t.get(), CONTROLLERS.toArray(String[]::new)) && m.isPublic() && !m.isStatic();
    }

    /** A method inside a request handler, a controller or an @ExceptionHandler: code that serves requests. */
    public static boolean inHandler(Node n) {
        return method(n).map(m -> isHandler(m) || has(m, "ExceptionHandler")).orElse(false);
    }

    public static boolean isController(TypeDeclaration<?> t) {
        return has(t, CONTROLLERS.toArray(String[]::new));
    }

    /** The identifier a call is made on ({@code restTemplate} in {@code restTemplate.get(...)}), or null. */
    public static String scopeName(MethodCallExpr call) {
        return call.getScope().filter(Expression::isNameExpr).map(s -> s.asNameExpr().getNameAsString()).orElse(null);
    }

    /** A static-looking call {@code Type.name(...)} on a class the file resolves to {@code qualifiedType}. */
    public static boolean isStaticCall(JavaFile f, MethodCallExpr call, String qualifiedType, String... names) {
        if (!nameIn(call, names)) {
            return false;
        }
        if (call.getScope().isEmpty()) {
            String owner = f.types().staticOwner(call.getNameAsString());
            return qualifiedType.equals(owner);
        }
        Expression s = call.getScope().get();
        String written = s.isNameExpr() ? s.asNameExpr().getNameAsString()
                : s.isFieldAccessExpr() ? s.toString() : null;
        return written != null && f.types().is(written, qualifiedType);
    }

    public static boolean nameIn(MethodCallExpr call, String... names) {
        String n = call.getNameAsString();
        for (String s : names) {
            if (s.equals(n)) {
                return true;
            }
        }
        return false;
    }

    public static boolean creates(JavaFile f, ObjectCreationExpr e, String qualifiedType) {
        String t = e.getType().getNameWithScope();
        return f.types().is(t, qualifiedType);
    }

    /** The outermost call of a fluent chain that starts at {@code start} ({@code a.b().c().d()} from a). */
    public static Expression chainTop(Expression start) {
        Expression cur = start;
        while (cur.getParentNode().orElse(null) instanceof MethodCallExpr parent
                && parent.getScope().orElse(null) == cur) {
            cur = parent;
        }
        return cur;
    }

    /**
     * The method names called along the chain from {@code start} upward, plus the calls made on the variable the
     * chain's result (or the builder it starts) is stored in, within the same method.
     */
    public static Set<String> chainNames(Expression start) {
        Set<String> names = new LinkedHashSet<>();
        Expression cur = start;
        while (cur.getParentNode().orElse(null) instanceof MethodCallExpr parent
                && parent.getScope().orElse(null) == cur) {
            names.add(parent.getNameAsString());
            cur = parent;
        }
        String var = storedIn(cur);
        if (var != null) {
            callable(cur).ifPresent(c -> c.findAll(MethodCallExpr.class).forEach(mc -> {
                Expression root = mc;
                while (root instanceof MethodCallExpr m && m.getScope().isPresent()) {
                    root = m.getScope().get();
                }
                if (root instanceof NameExpr ne && ne.getNameAsString().equals(var)) {
                    Expression e = mc;
                    while (e instanceof MethodCallExpr m) {
                        names.add(m.getNameAsString());
                        e = m.getScope().orElse(null);
                    }
                }
            }));
        }
        return names;
    }

    /** The local variable or field an expression's value is assigned to, or null. */
    public static String storedIn(Expression e) {
        Node p = e.getParentNode().orElse(null);
        if (p instanceof VariableDeclarator v && v.getInitializer().orElse(null) == e) {
            return v.getNameAsString();
        }
        if (p instanceof AssignExpr a && a.getValue() == e) {
            Expression t = a.getTarget();
            if (t.isNameExpr()) {
                return t.asNameExpr().getNameAsString();
            }
            if (t.isFieldAccessExpr()) {
                return t.asFieldAccessExpr().getNameAsString();
            }
        }
        return null;
    }

    /** The name of the enclosing method, constructor or (for a field initializer) type, for messages. */
    public static String functionName(Node n) {
        return callable(n).map(c -> c.getNameAsString())
                .orElseGet(() -> n.findAncestor(TypeDeclaration.class).map(t -> ((TypeDeclaration<?>) t).getNameAsString())
                        .orElse(""));
    }
}

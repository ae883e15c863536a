package io.archlens.syntax.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.LambdaExpr;
import java.util.Optional;

/**
 * Where a name used in a method is declared: a parameter (of the method or an enclosing lambda), a local
 * variable declared before the use, or a field of an enclosing type. Scopes are approximated by position:
 * a local declared earlier in the same method is taken, whatever block it is in.
 */
public final class Decls {
    /** A declaration: exactly one of parameter, local or field is set. */
    public record Decl(Parameter parameter, VariableDeclarator local, VariableDeclarator field) {
        public String typeName() {
            if (parameter != null) {
                return parameter.getType().isUnknownType() ? null : parameter.getType().asString();
            }
            VariableDeclarator v = local != null ? local : field;
            return v.getType().isVarType() ? null : v.getType().asString();
        }

        public VariableDeclarator variable() {
            return local != null ? local : field;
        }

        /** A {@code static final} field or a final local: its value does not change after the initializer. */
        public boolean isFinal() {
            if (field != null) {
                return field.findAncestor(FieldDeclaration.class).map(fd -> fd.isFinal()).orElse(false);
            }
            return local != null && local.getParentNode().map(p -> p.toString().startsWith("final ")).orElse(false);
        }

        public boolean isStaticFinalField() {
            return field != null && field.findAncestor(FieldDeclaration.class).map(fd -> fd.isFinal() && fd.isStatic())
                    .orElse(false);
        }
    }

    private Decls() {
    }

    public static Optional<Decl> find(Node use, String name) {
        Node cur = use.getParentNode().orElse(null);
        int at = use.getTokenRange().map(t -> t.getBegin().getRange().map(r -> r.begin.line * 100000 + r.begin.column)
                .orElse(0)).orElse(0);
        while (cur != null) {
            if (cur instanceof LambdaExpr l) {
                for (Parameter p : l.getParameters()) {
                    if (p.getNameAsString().equals(name)) {
                        return Optional.of(new Decl(p, null, null));
                    }
                }
            }
            if (cur instanceof CallableDeclaration<?> c) {
                for (Parameter p : c.getParameters()) {
                    if (p.getNameAsString().equals(name)) {
                        return Optional.of(new Decl(p, null, null));
                    }
                }
                VariableDeclarator best = null;
                for (VariableDeclarator v : locals(c).getOrDefault(name, java.util.List.of())) {
                    if (position(v) < at) {
                        best = v;
                    }
                }
                if (best != null) {
                    return Optional.of(new Decl(null, best, null));
                }
            }
            if (cur instanceof TypeDeclaration<?> t) {
                for (FieldDeclaration fd : t.getFields()) {
                    for (VariableDeclarator v : fd.getVariables()) {
                        if (v.getNameAsString().equals(name)) {
                            return Optional.of(new Decl(null, null, v));
                        }
                    }
                }
            }
            cur = cur.getParentNode().orElse(null);
        }
        return Optional.empty();
    }

    /**
     * The variables a method, constructor or lambda body declares, by name, in pre-order: worked out once per callable
     * and analysis (the memo lives in the unit's data and {@link JavaFile} starts a new one for each version).
     */
    private static java.util.Map<String, java.util.List<VariableDeclarator>> locals(CallableDeclaration<?> c) {
        java.util.Map<Node, java.util.Map<String, java.util.List<VariableDeclarator>>> memo = c.findCompilationUnit()
                .filter(cu -> cu.containsData(LOCALS)).map(cu -> cu.getData(LOCALS)).orElse(null);
        if (memo == null) {
            return collect(c, new java.util.HashMap<>());
        }
        return memo.computeIfAbsent(c, k -> collect(k, new java.util.HashMap<>()));
    }

    /** Key of the per-analysis memo of {@link #locals}. */
    static final com.github.javaparser.ast.DataKey<java.util.Map<Node, java.util.Map<String,
            java.util.List<VariableDeclarator>>>> LOCALS = new com.github.javaparser.ast.DataKey<>() {
            };

    private static java.util.Map<String, java.util.List<VariableDeclarator>> collect(Node n,
            java.util.Map<String, java.util.List<VariableDeclarator>> out) {
        for (Node c : n.getChildNodes()) {
            if (c instanceof VariableDeclarator v) {
                out.computeIfAbsent(v.getNameAsString(), k -> new java.util.ArrayList<>()).add(v);
            }
            collect(c, out);
        }
        return out;
    }

    private static int position(Node n) {
        com.github.javaparser.TokenRange tr = n.getTokenRange().orElse(null);
        com.github.javaparser.Range r = tr == null ? null : tr.getBegin().getRange().orElse(null);
        return r == null ? Integer.MAX_VALUE : r.begin.line * 100000 + r.begin.column;
    }

    /** The declared type of a name as written ({@code RestTemplate}, {@code WebClient.Builder}), or null. */
    public static String typeOf(Node use, String name) {
        return find(use, name).map(Decl::typeName).orElse(null);
    }
}

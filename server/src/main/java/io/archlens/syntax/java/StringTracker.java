package io.archlens.syntax.java;

import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import io.archlens.code.StringBuild;
import io.archlens.code.StringBuild.How;
import io.archlens.core.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a Java string expression was built, within the method that uses it: literals and constants, {@code +},
 * {@code String.format}/{@code formatted}/{@code MessageFormat.format}, {@code concat}, {@code StringBuilder}
 * appends, and local variables followed to their initializer and {@code +=}/{@code append} updates. Values whose
 * declared type cannot carry text (numbers, booleans, UUIDs, enums written in constant case) count as constants.
 */
public final class StringTracker {
    private static final int MAX_DEPTH = 5;
    private static final Set<String> SAFE_TYPES = Set.of("int", "long", "short", "byte", "double", "float", "boolean",
            "char", "Integer", "Long", "Short", "Byte", "Double", "Float", "Boolean", "UUID", "BigDecimal", "BigInteger",
            "LocalDate", "LocalDateTime", "Instant");
    private final JavaFile file;

    public StringTracker(JavaFile file) {
        this.file = file;
    }

    public StringBuild build(Expression e) {
        return build(e, 0);
    }

    private StringBuild build(Expression e, int depth) {
        if (depth > MAX_DEPTH) {
            return dynamic(How.UNKNOWN, e);
        }
        if (e.isStringLiteralExpr() || e.isTextBlockLiteralExpr()) {
            return new StringBuild(How.LITERAL, List.of(), null);
        }
        if (e.isLiteralExpr() || e.isClassExpr()) {
            return StringBuild.CONSTANT;
        }
        if (e.isEnclosedExpr()) {
            return build(e.asEnclosedExpr().getInner(), depth + 1);
        }
        if (e.isCastExpr()) {
            return build(e.asCastExpr().getExpression(), depth + 1);
        }
        if (e.isConditionalExpr()) {
            return combine(How.CONCATENATION, List.of(e.asConditionalExpr().getThenExpr(),
                    e.asConditionalExpr().getElseExpr()), depth);
        }
        if (e.isBinaryExpr() && e.asBinaryExpr().getOperator() == BinaryExpr.Operator.PLUS) {
            List<Expression> parts = new ArrayList<>();
            flatten(e, parts);
            return combine(How.CONCATENATION, parts, depth);
        }
        if (e.isBinaryExpr()) {
            return StringBuild.CONSTANT; // arithmetic and comparisons give numbers and booleans
        }
        if (e.isFieldAccessExpr()) {
            String n = e.asFieldAccessExpr().getNameAsString();
            return constantCase(n) ? StringBuild.CONSTANT : dynamic(How.UNKNOWN, e);
        }
        if (e.isNameExpr()) {
            return name(e.asNameExpr(), depth);
        }
        if (e.isMethodCallExpr()) {
            return call(e.asMethodCallExpr(), depth);
        }
        return dynamic(How.UNKNOWN, e);
    }

    private StringBuild call(MethodCallExpr c, int depth) {
        String n = c.getNameAsString();
        boolean stringScope = c.getScope().map(s -> s.isNameExpr() && s.asNameExpr().getNameAsString().equals("String"))
                .orElse(false);
        if ((n.equals("format") && (stringScope || c.getScope().map(s -> s.toString().endsWith("MessageFormat"))
                .orElse(false))) && !c.getArguments().isEmpty()) {
            List<Expression> parts = new ArrayList<>(c.getArguments());
            return combine(How.FORMAT, parts, depth);
        }
        if (n.equals("formatted") && c.getScope().isPresent()) {
            List<Expression> parts = new ArrayList<>(c.getArguments());
            parts.add(0, c.getScope().get());
            return combine(How.FORMAT, parts, depth);
        }
        if (n.equals("concat") && c.getScope().isPresent() && c.getArguments().size() == 1) {
            return combine(How.CONCATENATION, List.of(c.getScope().get(), c.getArgument(0)), depth);
        }
        if ((n.equals("valueOf") && stringScope || n.equals("trim") || n.equals("strip") || n.equals("toUpperCase")
                || n.equals("toLowerCase")) && (c.getArguments().size() == 1 || c.getScope().isPresent())) {
            Expression inner = n.equals("valueOf") ? c.getArgument(0) : c.getScope().get();
            return build(inner, depth + 1);
        }
        if (n.equals("join") && stringScope) {
            return combine(How.CONCATENATION, new ArrayList<>(c.getArguments()), depth);
        }
        if (n.equals("toString") && c.getArguments().isEmpty() && c.getScope().isPresent()) {
            Expression s = c.getScope().get();
            if (s.isMethodCallExpr() && s.asMethodCallExpr().getNameAsString().equals("append") || s.isObjectCreationExpr()) {
                return builder(s, List.of(), depth);
            }
            if (s.isNameExpr()) {
                String type = Decls.typeOf(s, s.asNameExpr().getNameAsString());
                if (type != null && (type.equals("StringBuilder") || type.equals("StringBuffer"))) {
                    return builderVariable(s.asNameExpr(), depth);
                }
            }
        }
        if (n.equals("name") && c.getArguments().isEmpty() || n.equals("size") || n.equals("length")
                || n.equals("getId") && c.getArguments().isEmpty()) {
            return StringBuild.CONSTANT;
        }
        return dynamic(How.UNKNOWN, c);
    }

    /** A StringBuilder chain {@code new StringBuilder(a).append(b).append(c)}. */
    private StringBuild builder(Expression chain, List<Expression> more, int depth) {
        List<Expression> parts = new ArrayList<>(more);
        Expression cur = chain;
        while (cur.isMethodCallExpr() && cur.asMethodCallExpr().getNameAsString().equals("append")) {
            parts.addAll(cur.asMethodCallExpr().getArguments());
            cur = cur.asMethodCallExpr().getScope().orElse(null);
            if (cur == null) {
                return dynamic(How.UNKNOWN, chain);
            }
        }
        if (cur instanceof ObjectCreationExpr oc) {
            oc.getArguments().stream().filter(a -> !a.isIntegerLiteralExpr()).forEach(parts::add);
        } else if (!cur.isNameExpr()) {
            return dynamic(How.UNKNOWN, chain);
        }
        return combine(How.BUILDER, parts, depth);
    }

    private StringBuild builderVariable(NameExpr var, int depth) {
        String name = var.getNameAsString();
        Optional<CallableDeclaration<?>> in = Jx.callable(var);
        if (in.isEmpty()) {
            return dynamic(How.UNKNOWN, var);
        }
        List<Expression> parts = new ArrayList<>();
        for (MethodCallExpr mc : in.get().findAll(MethodCallExpr.class)) {
            if (mc.getNameAsString().equals("append") && mc.getScope().map(s -> s.isNameExpr()
                    && s.asNameExpr().getNameAsString().equals(name)).orElse(false)) {
                parts.addAll(mc.getArguments());
            }
        }
        Decls.find(var, name).map(Decls.Decl::variable).flatMap(VariableDeclarator::getInitializer)
                .filter(Expression::isObjectCreationExpr)
                .ifPresent(init -> init.asObjectCreationExpr().getArguments().stream()
                        .filter(a -> !a.isIntegerLiteralExpr()).forEach(parts::add));
        return combine(How.BUILDER, parts, depth).from("builder '" + name + "'");
    }

    private StringBuild name(NameExpr ne, int depth) {
        String n = ne.getNameAsString();
        Optional<Decls.Decl> d = Decls.find(ne, n);
        if (d.isEmpty()) {
            return constantCase(n) ? StringBuild.CONSTANT : dynamic(How.UNKNOWN, ne);
        }
        String type = d.get().typeName();
        if (type != null && SAFE_TYPES.contains(type)) {
            return StringBuild.CONSTANT;
        }
        if (("StringBuilder".equals(type) || "StringBuffer".equals(type)) && d.get().local() != null) {
            return builderVariable(ne, depth);
        }
        if (d.get().parameter() != null) {
            return new StringBuild(How.PARAMETER, List.of(file.range(ne)), "parameter '" + n + "'");
        }
        VariableDeclarator v = d.get().variable();
        if (d.get().field() != null) {
            if (d.get().isStaticFinalField() && v.getInitializer().isPresent()) {
                return build(v.getInitializer().get(), depth + 1).assembledFromValues() ? dynamic(How.UNKNOWN, ne)
                        : StringBuild.CONSTANT;
            }
            return constantCase(n) ? StringBuild.CONSTANT : dynamic(How.UNKNOWN, ne);
        }
        // a local: its initializer and every later assignment in the method
        List<Expression> values = new ArrayList<>();
        v.getInitializer().ifPresent(values::add);
        boolean appended = false;
        for (AssignExpr a : Jx.callable(ne).map(c -> c.findAll(AssignExpr.class)).orElse(List.of())) {
            if (a.getTarget().isNameExpr() && a.getTarget().asNameExpr().getNameAsString().equals(n)) {
                values.add(a.getValue());
                appended |= a.getOperator() == AssignExpr.Operator.PLUS;
            }
        }
        if (values.isEmpty()) {
            return dynamic(How.UNKNOWN, ne);
        }
        String where = "variable '" + n + "' built at line " + (file.file().lines().lineOf(file.range(v).start()) + 1);
        if (appended) { // s = "a"; s += x; ... : the pieces joined (the first few: enough to see a value)
            return combine(How.CONCATENATION, values.subList(0, Math.min(values.size(), 16)), depth).from(where);
        }
        StringBuild out = null;
        for (Expression val : values) {
            StringBuild b = build(val, depth + 1);
            if (b.assembledFromValues()) {
                return b.from(where);
            }
            if (b.how() != How.LITERAL && b.how() != How.CONSTANT) {
                out = b;
            }
        }
        return out == null ? StringBuild.CONSTANT : out.from(where);
    }

    private StringBuild combine(How how, List<Expression> parts, int depth) {
        List<TextRange> dyn = new ArrayList<>();
        String origin = null;
        for (Expression p : parts) {
            StringBuild b = build(p, depth + 1);
            switch (b.how()) {
                case LITERAL, CONSTANT -> { }
                case PARAMETER, UNKNOWN -> dyn.add(file.range(p));
                default -> {
                    dyn.addAll(b.dynamicParts());
                    origin = origin == null ? b.origin() : origin;
                }
            }
        }
        return dyn.isEmpty() ? StringBuild.CONSTANT : new StringBuild(how, dyn, origin);
    }

    /** The operands of a chain of {@code +}, left to right. */
    public static void flatten(Expression e, List<Expression> out) {
        if (e.isBinaryExpr() && e.asBinaryExpr().getOperator() == BinaryExpr.Operator.PLUS) {
            flatten(e.asBinaryExpr().getLeft(), out);
            flatten(e.asBinaryExpr().getRight(), out);
        } else {
            out.add(e);
        }
    }

    private StringBuild dynamic(How how, Expression e) {
        return new StringBuild(how, List.of(file.range(e)), null);
    }

    static boolean constantCase(String n) {
        return n.length() > 1 && n.equals(n.toUpperCase(java.util.Locale.ROOT)) && n.chars().anyMatch(Character::isLetter);
    }
}

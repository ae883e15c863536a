package io.archlens.rules.java;

import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.Severity;
import io.archlens.syntax.java.JavaFile;
import java.util.Optional;
import java.util.Set;

/**
 * Jackson reading class names from the JSON it parses: {@code enableDefaultTyping(...)},
 * {@code activateDefaultTyping(LaissezFaireSubTypeValidator.instance, ...)}, or a field of a broad type
 * ({@code Object}, {@code Serializable}...) annotated {@code @JsonTypeInfo(use = Id.CLASS)} or {@code MINIMAL_CLASS}.
 */
final class JacksonDefaultTyping extends JavaRule {
    private static final Set<String> BROAD = Set.of("Object", "Serializable", "Comparable", "Cloneable", "Closeable",
            "AutoCloseable", "Map", "List", "Collection", "Iterable");
    private static final String WHY = ": the JSON names the class to build, and gadget classes on the classpath "
            + "(JNDI lookups, template loaders) run code while they are built; ";

    JacksonDefaultTyping() {
        super(java("jackson-default-typing", "Jackson polymorphic typing open to any class", Severity.ERROR,
                Category.SECURITY));
    }

    @Override
    void run(JavaFile f, RuleContext ctx) {
        for (MethodCallExpr c : f.all(MethodCallExpr.class)) {
            String n = c.getNameAsString();
            boolean legacy = n.equals("enableDefaultTyping") || n.equals("enableDefaultTypingAsProperty");
            boolean laissez = n.equals("activateDefaultTyping") && !c.getArguments().isEmpty()
                    && c.getArgument(0).toString().contains("LaissezFaireSubTypeValidator");
            if ((legacy || laissez) && c.getScope().isPresent()) {
                ctx.report(f.nameRange(c), n + (laissez ? " with LaissezFaireSubTypeValidator" : "") + WHY
                        + "drop default typing, or activate it with a BasicPolymorphicTypeValidator that allows "
                        + "only your own packages");
            }
        }
        for (AnnotationExpr a : f.all(AnnotationExpr.class)) {
            if (!a.getName().getIdentifier().equals("JsonTypeInfo") || !classIds(a)) {
                continue;
            }
            Optional<FieldDeclaration> field = a.getParentNode().filter(FieldDeclaration.class::isInstance)
                    .map(FieldDeclaration.class::cast);
            if (field.isPresent() && BROAD.contains(field.get().getElementType().asString().replaceAll("<.*", ""))) {
                ctx.report(f.range(a), "@JsonTypeInfo(use = CLASS) on a field of type "
                        + field.get().getElementType().asString() + WHY + "use Id.NAME with @JsonSubTypes listing "
                        + "the allowed types, or a narrower field type");
            }
        }
    }

    private static boolean classIds(AnnotationExpr a) {
        if (!a.isNormalAnnotationExpr()) {
            return false;
        }
        for (MemberValuePair p : a.asNormalAnnotationExpr().getPairs()) {
            String v = p.getValue().toString();
            if (p.getNameAsString().equals("use") && (v.endsWith("Id.CLASS") || v.endsWith("MINIMAL_CLASS")
                    || v.equals("CLASS"))) {
                return true;
            }
        }
        return false;
    }
}

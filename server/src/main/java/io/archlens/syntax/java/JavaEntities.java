package io.archlens.syntax.java;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import io.archlens.code.Entity;
import io.archlens.core.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * JPA entities and Spring Data repositories. An {@code @Entity} class gives its table ({@code @Table(name)}, else
 * Spring's physical naming: {@code OrderLine} -> {@code order_line}) and mapped columns ({@code @Column(name)},
 * {@code @JoinColumn(name)}, else the field in snake case; a to-one association without a join column maps
 * {@code <field>_id}). A name written in an annotation has the string literal's range, a derived name the
 * identifier's, so a reader can tell the two apart. A repository interface ({@code extends JpaRepository<Order,
 * Long>}) gives an entity record with no table, named by the entity type, holding its finder methods and the
 * columns they filter on (snake case of the property path).
 */
final class JavaEntities {
    private static final Set<String> REPOSITORIES = Set.of("JpaRepository", "CrudRepository", "ListCrudRepository",
            "PagingAndSortingRepository", "ListPagingAndSortingRepository", "Repository", "JpaSpecificationExecutor");
    private static final Set<String> SKIP_FIELD = Set.of("Transient", "OneToMany", "ManyToMany", "Embedded",
            "EmbeddedId", "ElementCollection", "Formula");
    private static final Pattern FINDER = Pattern.compile(
            "(find|read|get|query|search|stream|count|exists|delete|remove)(?:First\\d*|Top\\d*|Distinct|All)*By(.+)");
    /** Operator suffixes of a property in a derived query, longest first. */
    private static final List<String> OPERATORS = List.of("IsNotNull", "NotNull", "IsNull", "Null", "IgnoreCase",
            "AllIgnoreCase", "GreaterThanEqual", "GreaterThan", "LessThanEqual", "LessThan", "Between", "NotLike",
            "Like", "StartingWith", "StartsWith", "EndingWith", "EndsWith", "NotContaining", "Containing", "Contains",
            "NotIn", "In", "IsTrue", "True", "IsFalse", "False", "Before", "After", "IsNot", "Not", "Is", "Equals",
            "Regex", "Matches", "Exists", "Near", "Within", "IsEmpty", "IsNotEmpty", "Empty", "NotEmpty");

    private JavaEntities() {
    }

    static void entities(JavaFile f, List<Entity> out) {
        for (ClassOrInterfaceDeclaration c : f.all(ClassOrInterfaceDeclaration.class)) {
            if (!c.isInterface() && Jx.has(c, "Entity")) {
                out.add(entity(f, c));
            } else if (c.isInterface()) {
                repository(f, c, out);
            }
        }
    }

    private static Entity entity(JavaFile f, ClassOrInterfaceDeclaration c) {
        String table = null;
        TextRange tableRange = f.nameRange(c);
        Optional<AnnotationExpr> t = Jx.annotation(c, "Table");
        Expression tn = t.map(a -> member(a, "name")).orElse(null);
        if (tn != null && tn.isStringLiteralExpr() && !tn.asStringLiteralExpr().getValue().isBlank()) {
            table = tn.asStringLiteralExpr().getValue();
            tableRange = f.range(tn);
        }
        if (table == null) {
            table = snake(c.getNameAsString());
        }
        List<Entity.Column> cols = new ArrayList<>();
        for (FieldDeclaration fd : c.getFields()) {
            if (fd.isStatic() || fd.isTransient() || Jx.has(fd, SKIP_FIELD.toArray(String[]::new))) {
                continue;
            }
            boolean toOne = Jx.has(fd, "ManyToOne", "OneToOne");
            if (toOne && Jx.annotation(fd, "OneToOne").map(a -> member(a, "mappedBy") != null).orElse(false)) {
                continue;
            }
            Expression named = Jx.annotation(fd, toOne ? "JoinColumn" : "Column").map(a -> member(a, "name"))
                    .orElse(null);
            for (VariableDeclarator v : fd.getVariables()) {
                if (named != null && named.isStringLiteralExpr() && !named.asStringLiteralExpr().getValue().isBlank()) {
                    cols.add(new Entity.Column(named.asStringLiteralExpr().getValue(), f.range(named)));
                } else {
                    cols.add(new Entity.Column(snake(v.getNameAsString()) + (toOne ? "_id" : ""), f.nameRange(v)));
                }
            }
        }
        return new Entity(c.getNameAsString(), table, tableRange, cols, List.of());
    }

    private static void repository(JavaFile f, ClassOrInterfaceDeclaration c, List<Entity> out) {
        String entity = null;
        for (ClassOrInterfaceType t : c.getExtendedTypes()) {
            if (REPOSITORIES.contains(t.getNameAsString()) && t.getTypeArguments().isPresent()
                    && !t.getTypeArguments().get().isEmpty()) {
                Type a = t.getTypeArguments().get().get(0);
                entity = a.isClassOrInterfaceType() ? a.asClassOrInterfaceType().getNameAsString() : null;
                break;
            }
        }
        if (entity == null) {
            return;
        }
        List<Entity.Finder> finders = new ArrayList<>();
        for (MethodDeclaration m : c.getMethods()) {
            if (Jx.has(m, "Query")) {
                continue; // the query is written out: its columns are not in the name
            }
            List<String> cols = finderColumns(m.getNameAsString());
            if (!cols.isEmpty()) {
                finders.add(new Entity.Finder(m.getNameAsString(), cols, f.nameRange(m)));
            }
        }
        out.add(new Entity(entity, null, f.nameRange(c), List.of(), finders));
    }

    /** {@code findByEmailAndStatusOrderByCreatedAtDesc} -> [email, status]; empty for names that are no query. */
    static List<String> finderColumns(String method) {
        java.util.regex.Matcher m = FINDER.matcher(method);
        if (!m.matches()) {
            return List.of();
        }
        String criteria = m.group(2);
        int order = criteria.indexOf("OrderBy");
        if (order >= 0) {
            criteria = criteria.substring(0, order);
        }
        List<String> out = new ArrayList<>();
        for (String part : criteria.split("(?<=[a-z0-9])(?:And|Or)(?=[A-Z])")) {
            String p = part;
            boolean stripped = true;
            while (stripped) {
                stripped = false;
                for (String op : OPERATORS) {
                    if (p.length() > op.length() && p.endsWith(op)) {
                        p = p.substring(0, p.length() - op.length());
                        stripped = true;
                        break;
                    }
                }
            }
            if (!p.isEmpty()) {
                out.add(snake(p.replace("_", "")));
            }
        }
        return out;
    }

    private static Expression member(AnnotationExpr a, String name) {
        if (a.isNormalAnnotationExpr()) {
            for (MemberValuePair p : a.asNormalAnnotationExpr().getPairs()) {
                if (p.getNameAsString().equals(name)) {
                    return p.getValue();
                }
            }
        }
        return null;
    }

    /**
     * Spring's physical naming strategy (CamelCaseToUnderscoresNamingStrategy): an underscore between a lower-case
     * letter and an upper-case one followed by a lower-case one, dots to underscores, all lower case
     * ({@code OrderLine} -> {@code order_line}, {@code userID} -> {@code userid}).
     */
    static String snake(String name) {
        StringBuilder sb = new StringBuilder(name.replace('.', '_'));
        for (int i = 1; i < sb.length() - 1; i++) {
            if (Character.isLowerCase(sb.charAt(i - 1)) && Character.isUpperCase(sb.charAt(i))
                    && Character.isLowerCase(sb.charAt(i + 1))) {
                sb.insert(i++, '_');
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}

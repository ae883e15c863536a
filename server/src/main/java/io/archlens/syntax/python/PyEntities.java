package io.archlens.syntax.python;

import io.archlens.code.CodeFacts;
import io.archlens.code.Entity;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ORM models: SQLAlchemy declarative classes ({@code __tablename__}, {@code Column}/{@code mapped_column}) and
 * Django models (subclasses of {@code models.Model}; table {@code <app>_<model>} unless {@code Meta.db_table}).
 */
final class PyEntities {
    private static final Set<String> SA_COLUMNS = Set.of("Column", "mapped_column", "column_property");

    private PyEntities() {
    }

    static void extract(CodeTree t, CodeFacts.Builder b) {
        for (SyntaxNode c : t.all("class_definition")) {
            SyntaxNode body = c.field("body");
            SyntaxNode name = c.field("name");
            if (body == null || name == null) {
                continue;
            }
            String table = null;
            boolean django = false;
            SyntaxNode sup = c.field("superclasses");
            if (sup != null && (sup.namedChildren().stream().anyMatch(s -> s.text().equals("models.Model"))
                    || djangoFields(body)) && !abstractModel(body)) {
                django = true;
                table = djangoApp(t) + "_" + name.text().toLowerCase(Locale.ROOT);
            }
            List<Entity.Column> cols = new ArrayList<>();
            for (SyntaxNode st : body.namedChildren()) {
                SyntaxNode a = st.is("expression_statement") && !st.namedChildren().isEmpty()
                        ? st.namedChildren().get(0) : null;
                if (st.is("class_definition") && django && st.field("name") != null
                        && st.field("name").text().equals("Meta")) {
                    String dbTable = metaTable(st);
                    table = dbTable != null ? dbTable : table;
                }
                if (a == null || !a.is("assignment") || a.field("left") == null || !a.field("left").is("identifier")) {
                    continue;
                }
                String field = a.field("left").text();
                SyntaxNode right = a.field("right");
                if (field.equals("__tablename__") && Py.str(right) != null) {
                    table = Py.str(right);
                    continue;
                }
                if (right == null || !right.is("call")) {
                    continue;
                }
                String m = Py.method(right);
                if (!django && SA_COLUMNS.contains(m)) {
                    SyntaxNode first = Py.positional(right).isEmpty() ? null : Py.positional(right).get(0);
                    String col = Py.str(first);
                    cols.add(new Entity.Column(col != null ? col : field, a.field("left").range()));
                } else if (django && Py.receiver(right).equals("models") && m.endsWith("Field")
                        || django && (m.equals("ForeignKey") || m.equals("OneToOneField"))) {
                    String col = Py.str(Py.kwarg(right, "db_column"));
                    if (col == null) {
                        col = m.equals("ForeignKey") || m.equals("OneToOneField") ? field + "_id" : field;
                    }
                    cols.add(new Entity.Column(col, a.field("left").range()));
                }
            }
            if (table != null && (django || !cols.isEmpty())) {
                b.entities.add(new Entity(name.text(), table, name.range(), cols, List.of()));
            }
        }
    }

    /** The class body assigns {@code models.XField(...)}: a Django model whatever its base (an app's BaseModel). */
    private static boolean djangoFields(SyntaxNode body) {
        for (SyntaxNode st : body.namedChildren()) {
            SyntaxNode a = st.is("expression_statement") && !st.namedChildren().isEmpty() ? st.namedChildren().get(0) : null;
            SyntaxNode right = a != null && a.is("assignment") ? a.field("right") : null;
            if (right != null && right.is("call") && Py.receiver(right).equals("models")
                    && (Py.method(right).endsWith("Field") || Py.method(right).equals("ForeignKey"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean abstractModel(SyntaxNode body) {
        for (SyntaxNode c : body.namedChildren()) {
            if (c.is("class_definition") && c.field("name") != null && c.field("name").text().equals("Meta")) {
                for (SyntaxNode a : c.descendants("assignment")) {
                    if (a.field("left") != null && a.field("left").text().equals("abstract") && Py.isTrue(a.field("right"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String metaTable(SyntaxNode meta) {
        for (SyntaxNode a : meta.descendants("assignment")) {
            if (a.field("left") != null && a.field("left").text().equals("db_table")) {
                return Py.str(a.field("right"));
            }
        }
        return null;
    }

    /** The Django app label: the folder holding models.py (or the models/ package). */
    private static String djangoApp(CodeTree t) {
        String[] parts = t.file().path().replace('\\', '/').split("/");
        int i = parts.length - 2;
        if (i >= 0 && parts[i].equals("models")) {
            i--;
        }
        return i >= 0 ? parts[i].toLowerCase(Locale.ROOT) : "app";
    }
}

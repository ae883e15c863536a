package io.archlens.syntax.js;

import io.archlens.code.CodeFacts;
import io.archlens.code.Entity;
import io.archlens.code.Route;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decorated TypeScript classes: NestJS controllers ({@code @Controller('users')} with {@code @Get(':id')} methods,
 * routes {@code GET /users/:id}) and TypeORM entities ({@code @Entity('orders')} or {@code @Entity()}, whose table
 * is the class name in snake_case as TypeORM's default naming strategy derives it, with their {@code @Column}s).
 */
final class JsDecorated {
    private static final Set<String> VERBS = Set.of("Get", "Post", "Put", "Delete", "Patch", "Options", "Head", "All");

    private JsDecorated() {
    }

    static void add(JsModule m, CodeFacts.Builder out) {
        for (SyntaxNode cls : m.tree().all("class_declaration")) {
            List<SyntaxNode> decorators = new ArrayList<>(cls.fieldAll("decorator"));
            if (cls.parent() != null && cls.parent().is("export_statement")) {
                decorators.addAll(cls.parent().fieldAll("decorator"));
            }
            SyntaxNode body = cls.field("body");
            SyntaxNode name = cls.field("name");
            if (decorators.isEmpty() || body == null || name == null) {
                continue;
            }
            for (SyntaxNode d : decorators) {
                String dn = decoratorName(d);
                if (dn.equals("Controller")) {
                    controller(d, body, out);
                } else if (dn.equals("Entity")) {
                    entity(d, name.text(), body, out);
                }
            }
        }
    }

    static String decoratorName(SyntaxNode d) {
        SyntaxNode e = d.namedChildren().isEmpty() ? null : d.namedChildren().get(0);
        if (e == null) {
            return "";
        }
        String t = e.is("call_expression") ? Js.calleeText(e) : e.text();
        return t.substring(t.lastIndexOf('.') + 1);
    }

    private static SyntaxNode decoratorArg(SyntaxNode d) {
        SyntaxNode e = d.namedChildren().isEmpty() ? null : d.namedChildren().get(0);
        return e != null && e.is("call_expression") ? Js.arg(e, 0) : null;
    }

    private static void controller(SyntaxNode d, SyntaxNode body, CodeFacts.Builder out) {
        SyntaxNode a = decoratorArg(d);
        String prefix = a != null && a.is("object") ? Js.stringValue(Js.prop(a, "path")) : Js.stringValue(a);
        List<SyntaxNode> pending = new ArrayList<>();
        for (SyntaxNode c : body.namedChildren()) {
            if (c.is("decorator")) {
                pending.add(c);
                continue;
            }
            if (c.is("method_definition") && c.field("name") != null) {
                for (SyntaxNode md : pending) {
                    String verb = decoratorName(md);
                    if (VERBS.contains(verb)) {
                        String sub = Js.stringValue(decoratorArg(md));
                        out.routes.add(new Route(verb.equals("All") ? "*" : verb.toUpperCase(Locale.ROOT),
                                join(prefix, sub), c.field("name").text(), md.range()));
                    }
                }
            }
            pending.clear();
        }
    }

    static String join(String prefix, String sub) {
        String p = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
        String s = sub == null ? "" : sub.replaceAll("^/+|/+$", "");
        String path = "/" + p + (p.isEmpty() || s.isEmpty() ? "" : "/") + s;
        return path;
    }

    private static void entity(SyntaxNode d, String className, SyntaxNode body, CodeFacts.Builder out) {
        SyntaxNode a = decoratorArg(d);
        String table = a != null && a.is("object") ? Js.stringValue(Js.prop(a, "name")) : Js.stringValue(a);
        if (table == null) {
            table = className.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        }
        List<Entity.Column> columns = new ArrayList<>();
        for (SyntaxNode f : body.namedChildren()) {
            if (!f.isAny("public_field_definition", "field_definition") || f.field("name") == null) {
                continue;
            }
            for (SyntaxNode fd : f.fieldAll("decorator")) {
                String dn = decoratorName(fd);
                if (dn.endsWith("Column")) {
                    SyntaxNode e = fd.namedChildren().get(0);
                    String col = null;
                    if (e.is("call_expression")) {
                        for (SyntaxNode arg : Js.args(e)) {
                            col = col != null ? col : Js.stringValue(Js.prop(Js.unwrap(arg), "name"));
                        }
                    }
                    columns.add(new Entity.Column(col != null ? col : f.field("name").text(), f.field("name").range()));
                    break;
                }
            }
        }
        out.entities.add(new Entity(className, table, d.range(), columns, List.of()));
    }
}

package io.archlens.syntax.go;

import io.archlens.code.CodeFacts;
import io.archlens.code.Entity;
import io.archlens.syntax.treesitter.CodeTree;
import io.archlens.syntax.treesitter.SyntaxNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * gorm models: a struct with a {@code TableName()} method returning a literal, or one that embeds
 * {@code gorm.Model} (table: gorm's default, the snake_case plural of the name). Columns are the exported fields,
 * named by a {@code gorm:"column:x"} tag or in snake_case; fields tagged {@code gorm:"-"} are left out.
 */
final class GoEntities {
    private static final Pattern COLUMN = Pattern.compile("column:([\\w]+)");

    private GoEntities() {
    }

    static void extract(CodeTree tree, CodeFacts.Builder b) {
        Map<String, String> tables = new HashMap<>();
        for (SyntaxNode m : tree.all("method_declaration")) {
            SyntaxNode name = m.field("name");
            SyntaxNode recv = m.field("receiver");
            SyntaxNode body = m.field("body");
            if (name == null || recv == null || body == null || !name.text().equals("TableName")) {
                continue;
            }
            String type = recv.text().replaceAll("[()*]", "").trim();
            type = type.substring(type.lastIndexOf(' ') + 1);
            for (SyntaxNode r : body.descendants("return_statement")) {
                for (SyntaxNode v : r.descendants("interpreted_string_literal", "raw_string_literal")) {
                    tables.putIfAbsent(type, Go.stringValue(v));
                }
            }
        }
        for (SyntaxNode spec : tree.all("type_spec")) {
            SyntaxNode name = spec.field("name");
            SyntaxNode type = spec.field("type");
            if (name == null || type == null || !type.is("struct_type")) {
                continue;
            }
            boolean gormModel = false;
            List<Entity.Column> columns = new ArrayList<>();
            for (SyntaxNode f : type.descendants("field_declaration")) {
                List<SyntaxNode> names = f.fieldAll("name");
                SyntaxNode tag = f.field("tag");
                String tagText = tag == null ? "" : tag.text();
                if (names.isEmpty()) {
                    gormModel |= f.text().trim().startsWith("gorm.Model");
                    continue;
                }
                if (tagText.contains("gorm:\"-")) {
                    continue;
                }
                for (SyntaxNode n : names) {
                    if (Character.isUpperCase(n.text().charAt(0))) {
                        Matcher c = COLUMN.matcher(tagText);
                        columns.add(new Entity.Column(c.find() ? c.group(1) : snake(n.text()), n.range()));
                    }
                }
            }
            String table = tables.get(name.text());
            if (table == null && gormModel) {
                table = plural(snake(name.text()));
            }
            if (table != null) {
                b.entities.add(new Entity(name.text(), table, name.range(), columns, List.of()));
            }
        }
    }

    /** gorm's naming: {@code UserID} to {@code user_id}, {@code HTTPServer} to {@code http_server}. */
    static String snake(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && (Character.isLowerCase(s.charAt(i - 1))
                    || i + 1 < s.length() && Character.isLowerCase(s.charAt(i + 1)) && Character.isUpperCase(s.charAt(i - 1)))) {
                out.append('_');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }

    private static String plural(String s) {
        if (s.endsWith("y") && s.length() > 1 && "aeiou".indexOf(s.charAt(s.length() - 2)) < 0) {
            return s.substring(0, s.length() - 1) + "ies";
        }
        return s.endsWith("s") || s.endsWith("x") || s.endsWith("ch") || s.endsWith("sh") ? s + "es" : s + "s";
    }
}

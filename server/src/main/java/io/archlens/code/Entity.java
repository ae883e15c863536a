package io.archlens.code;

import io.archlens.core.TextRange;
import java.util.List;

/**
 * A class the code maps to a database table (JPA {@code @Entity}, SQLAlchemy or Django models): the table name as the
 * ORM derives it, the mapped columns and the finder methods that filter on columns ({@code findByEmail}).
 */
public record Entity(String name, String table, TextRange range, List<Column> columns, List<Finder> finders) {

    public record Column(String name, TextRange range) {
    }

    /** A repository query method and the columns it filters on. */
    public record Finder(String method, List<String> columns, TextRange range) {
    }

    public Entity {
        columns = List.copyOf(columns);
        finders = List.copyOf(finders);
    }
}

package io.archlens.syntax.sql;

import java.util.List;

/**
 * A table-level constraint or (MySQL) index definition. {@code columns} are the constrained/indexed columns
 * (normalized; null entries for expressions). For foreign keys {@code refTable}/{@code refColumns} name the
 * referenced side. {@code notValid} when followed by NOT VALID, {@code usingIndex} for
 * {@code UNIQUE/PRIMARY KEY USING INDEX idx}. Token range [{@code from}, {@code to}).
 */
public record TableConstraint(
        Kind kind,
        String name,
        List<String> columns,
        SqlName refTable,
        List<String> refColumns,
        boolean notValid,
        boolean usingIndex,
        int from,
        int to) {

    public enum Kind { PRIMARY_KEY, UNIQUE, FOREIGN_KEY, CHECK, EXCLUDE, INDEX, OTHER }
}

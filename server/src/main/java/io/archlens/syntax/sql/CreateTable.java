package io.archlens.syntax.sql;

import java.util.List;

/**
 * {@code CREATE [TEMP|UNLOGGED] TABLE [IF NOT EXISTS] name (...)}. {@code derived} for tables created from
 * something else ({@code AS SELECT}, {@code LIKE}, {@code PARTITION OF}, {@code OF type}) whose columns are not
 * listed.
 */
public record CreateTable(SqlName table, boolean temporary, boolean derived, List<ColumnDef> columns,
        List<TableConstraint> constraints) {
}

package io.archlens.syntax.sql;

import io.archlens.config.ProjectContext;
import io.archlens.core.TextRange;
import java.util.List;
import java.util.Set;

/**
 * A parsed .sql file: its statements in order, the dialect its syntax or path suggests, what kind of migration
 * it is (by path and content), Liquibase changesets, and the tables and indexes it creates (normalized bare
 * names) so rules can tell new tables from existing ones.
 *
 * @param nonTransactionalMarker a comment declares the file non-transactional ({@code executeInTransaction=false},
 *     dbmate's {@code transaction:false}, {@code no-transaction}, {@code non-transactional})
 */
public record SqlScript(
        List<SqlStatement> statements,
        SqlDialect detectedDialect,
        Migration migration,
        List<Changeset> changesets,
        Set<String> createdTables,
        Set<String> createdIndexes,
        boolean nonTransactionalMarker,
        String eol) {

    public SqlScript {
        statements = List.copyOf(statements);
        changesets = List.copyOf(changesets);
        createdTables = Set.copyOf(createdTables);
        createdIndexes = Set.copyOf(createdIndexes);
    }

    /** How the file is applied. */
    public enum Tool {
        /** Flyway: {@code V1__x.sql}, {@code R__x.sql}, {@code U1__x.sql}, or a {@code db/migration} folder. */
        FLYWAY,
        /** Liquibase formatted SQL ({@code --liquibase formatted sql}). */
        LIQUIBASE,
        /** Another runner: a {@code migrations/}, {@code migration/}, {@code migrate/} or {@code changelog/} folder. */
        GENERIC,
        /** Not a migration (schema dumps, seed data, queries). */
        NONE
    }

    /** @param down an undo/down migration ({@code U1__x.sql}, {@code *.down.sql}), which drops things by design */
    public record Migration(Tool tool, boolean down) {
        public boolean isMigration() {
            return tool != Tool.NONE;
        }
    }

    /** A Liquibase {@code --changeset author:id} header and whether it runs in a transaction (the default). */
    public record Changeset(int index, TextRange range, String id, boolean runInTransaction) {
    }

    public boolean isMigration() {
        return migration.isMigration();
    }

    /** The dialect to judge by: .archlens.yml {@code context.database.engine} when set, else the detected one. */
    public SqlDialect dialect(ProjectContext context) {
        SqlDialect d = context == null ? null : SqlDialect.fromEngine(context.databaseEngine());
        return d != null ? d : detectedDialect;
    }

    /** True when the table (normalized bare name) is created by a CREATE TABLE in this file. */
    public boolean createdHere(SqlName table) {
        return table != null && createdTables.contains(table.name());
    }
}

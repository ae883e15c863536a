package io.archlens.rules.sql;

import io.archlens.analysis.Parser;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RulePack;
import io.archlens.analysis.SourceFile;
import io.archlens.analysis.Suppression;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.sql.SqlParser;
import io.archlens.syntax.sql.SqlScript;
import java.util.List;

/** SQL files, migrations first: the zero-downtime canon for PostgreSQL, MySQL where the advice differs. */
public final class SqlPack implements RulePack<SqlScript> {
    private static final List<Rule<SqlScript>> RULES = List.of(
            new IndexNotConcurrent(),
            new ConcurrentlyInTransaction(),
            new NotNullWithoutDefault(),
            new VolatileDefault(),
            new AlterColumnType(),
            new RenameColumnOrTable(),
            new DropColumn(),
            new DropTable(),
            new ConstraintWithoutNotValid(),
            new ForeignKeyWithoutIndex(),
            new TableWithoutPrimaryKey(),
            new IntPrimaryKey(),
            new TimestampWithoutTimeZone(),
            new MissingLockTimeout(),
            new UpdateWithoutWhere(),
            new LockTable(),
            new UniqueConstraintWithoutIndex(),
            new SetNotNull(),
            new VacuumFullOrCluster(),
            new DropDatabase(),
            new TruncateCascade(),
            new DropNotNull(),
            new DetachPartitionNotConcurrent(),
            new IdentifierTooLong(),
            new DuplicateColumnAssignment(),
            new UncommittedTransaction(),
            new NestedTransaction());

    @Override
    public FileKind kind() {
        return FileKind.SQL;
    }

    @Override
    public Parser<SqlScript> parser() {
        return SqlParser::parse;
    }

    @Override
    public List<Rule<SqlScript>> rules() {
        return RULES;
    }

    /**
     * Migrations written for SQLite or CockroachDB, by their path ({@code 2019_identities.sqlite3.up.sql},
     * {@code migrations/cockroach/...}): the rules about PostgreSQL's and MySQL's locks and online DDL do not apply.
     * SQLite has no concurrent index builds, lock timeouts or NOT VALID, and rebuilds a table to alter it (create,
     * copy, drop, rename); CockroachDB makes schema changes online without blocking writes.
     */
    @Override
    public List<Suppression> modelSuppressions(SqlScript script, SourceFile file) {
        String p = file.path().toLowerCase(java.util.Locale.ROOT).replace('\\', '/');
        boolean sqlite = p.contains("sqlite");
        boolean cockroach = !sqlite && (p.contains("cockroach") || p.contains("crdb"));
        if (!sqlite && !cockroach) {
            return List.of();
        }
        TextRange all = new TextRange(0, file.text().length());
        List<Suppression> out = new java.util.ArrayList<>();
        for (String id : sqlite ? SQLITE_NOT_APPLICABLE : COCKROACH_NOT_APPLICABLE) {
            out.add(Suppression.scoped("sql/" + id, all, null, (sqlite ? "a SQLite migration" : "a CockroachDB migration")
                    + ": the rule is about PostgreSQL's or MySQL's locks and online DDL"));
        }
        return out;
    }

    private static final List<String> SQLITE_NOT_APPLICABLE = List.of("index-not-concurrent",
            "concurrently-in-transaction", "not-null-without-default", "volatile-default", "alter-column-type", "rename",
            "drop-table", "constraint-without-not-valid", "timestamp-without-time-zone", "missing-lock-timeout",
            "lock-table", "unique-constraint-without-index", "set-not-null", "vacuum-full-or-cluster", "drop-not-null",
            "detach-partition-not-concurrent", "identifier-too-long", "int-primary-key", "table-without-primary-key");
    private static final List<String> COCKROACH_NOT_APPLICABLE = List.of("index-not-concurrent",
            "concurrently-in-transaction", "missing-lock-timeout", "constraint-without-not-valid", "set-not-null",
            "lock-table", "vacuum-full-or-cluster", "volatile-default", "not-null-without-default");
}

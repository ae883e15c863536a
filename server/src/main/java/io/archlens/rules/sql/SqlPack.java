package io.archlens.rules.sql;

import io.archlens.analysis.Parser;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RulePack;
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
}

package io.archlens.model;

import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import io.archlens.model.SourceFacts.Schema;
import io.archlens.model.SourceFacts.TableOp;
import io.archlens.model.SourceFacts.TableOp.Op;
import io.archlens.syntax.sql.AlterTable;
import io.archlens.syntax.sql.ColumnDef;
import io.archlens.syntax.sql.CreateIndex;
import io.archlens.syntax.sql.CreateTable;
import io.archlens.syntax.sql.SqlName;
import io.archlens.syntax.sql.SqlParser;
import io.archlens.syntax.sql.SqlScript;
import io.archlens.syntax.sql.SqlStatement;
import io.archlens.syntax.sql.TableConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQL file's schema changes: tables and columns created, added, renamed and dropped, and the indexes created
 * (primary keys and unique constraints count as indexes). Table and column names are normalized bare names.
 */
final class SchemaExtractor implements FactExtractor {
    private static final Pattern FLYWAY = Pattern.compile("[VU](\\d+(?:[._]\\d+)*)__.*");

    @Override
    public Set<FileKind> kinds() {
        return Set.of(FileKind.SQL);
    }

    @Override
    public void extract(SourceFile file, Object model, FileFacts.Builder out) {
        SqlScript script = model instanceof SqlScript s ? s : SqlParser.parse(file).model();
        List<TableOp> ops = new ArrayList<>();
        for (SqlStatement s : script.statements()) {
            Object d = s.ddl();
            if (d instanceof CreateTable ct && ct.table() != null && !ct.temporary()) {
                List<String> cols = new ArrayList<>();
                List<String> keyed = new ArrayList<>();
                for (ColumnDef c : ct.columns()) {
                    cols.add(c.name());
                    if (c.primaryKey() || c.unique()) {
                        keyed.add(c.name());
                    }
                }
                ops.add(new TableOp(Op.CREATE_TABLE, ct.table().name(), ct.derived() ? List.of("*") : cols, null,
                        out.loc(ct.table().range())));
                for (String k : keyed) {
                    ops.add(new TableOp(Op.INDEX, ct.table().name(), List.of(k), null, out.loc(ct.table().range())));
                }
                for (TableConstraint tc : ct.constraints()) {
                    index(ct.table(), tc, out, ops);
                }
            } else if (d instanceof AlterTable at && at.table() != null) {
                alter(s, at, out, ops);
            } else if (d instanceof CreateIndex ci && ci.table() != null && ci.columns() != null) {
                ops.add(new TableOp(Op.INDEX, ci.table().name(), ci.columns().stream().filter(Objects::nonNull)
                        .toList(), null, out.loc(ci.table().range())));
            } else if (d == null && s.startsWith("DROP", "TABLE")) {
                int i = s.matches(2, "IF", "EXISTS") ? 4 : 2;
                SqlName n = SqlName.read(s, i);
                if (n != null) {
                    ops.add(new TableOp(Op.DROP_TABLE, n.name(), List.of(), null, out.loc(n.range())));
                }
            }
        }
        String version = null;
        Matcher m = FLYWAY.matcher(Paths.name(file.path()));
        if (m.matches()) {
            version = m.group(1).replace('_', '.');
        }
        out.schema(new Schema(script.isMigration(), script.migration().tool().name(), version,
                script.migration().down(), ops));
    }

    private static void index(SqlName table, TableConstraint tc, FileFacts.Builder out, List<TableOp> ops) {
        if (tc.columns() == null || tc.columns().isEmpty()) {
            return;
        }
        if (tc.kind() == TableConstraint.Kind.PRIMARY_KEY || tc.kind() == TableConstraint.Kind.UNIQUE
                || tc.kind() == TableConstraint.Kind.INDEX) {
            ops.add(new TableOp(Op.INDEX, table.name(), tc.columns().stream().filter(Objects::nonNull).toList(), null,
                    out.loc(table.range())));
        }
    }

    private static void alter(SqlStatement s, AlterTable at, FileFacts.Builder out, List<TableOp> ops) {
        String t = at.table().name();
        for (AlterTable.Action a : at.actions()) {
            io.archlens.core.TextRange r = a.columnToken() >= 0 ? s.get(a.columnToken()).range() : at.table().range();
            switch (a.kind()) {
                case ADD_COLUMN -> {
                    if (a.column() != null) {
                        ops.add(new TableOp(Op.ADD_COLUMN, t, List.of(a.column().name()), null,
                                out.loc(s.get(a.column().nameToken()).range())));
                        if (a.column().primaryKey() || a.column().unique()) {
                            ops.add(new TableOp(Op.INDEX, t, List.of(a.column().name()), null, out.loc(r)));
                        }
                    }
                }
                case DROP_COLUMN -> {
                    if (a.columnName() != null) {
                        ops.add(new TableOp(Op.DROP_COLUMN, t, List.of(a.columnName()), null, out.loc(r)));
                    }
                }
                case RENAME_COLUMN -> {
                    if (a.columnName() != null && a.newName() != null) {
                        ops.add(new TableOp(Op.RENAME_COLUMN, t, List.of(a.columnName()),
                                SqlName.normalize(a.newName()), out.loc(r)));
                    }
                }
                case RENAME_TABLE -> {
                    if (a.newName() != null) {
                        ops.add(new TableOp(Op.RENAME_TABLE, t, List.of(), SqlName.normalize(a.newName()),
                                out.loc(at.table().range())));
                    }
                }
                case ADD_CONSTRAINT, ADD_INDEX -> {
                    if (a.constraint() != null) {
                        index(at.table(), a.constraint(), out, ops);
                    }
                }
                case MODIFY_COLUMN, CHANGE_COLUMN -> {
                    if (a.column() != null && a.columnName() != null && !a.columnName().equals(a.column().name())) {
                        ops.add(new TableOp(Op.RENAME_COLUMN, t, List.of(a.columnName()), a.column().name(), out.loc(r)));
                    }
                }
                default -> {
                }
            }
        }
    }
}

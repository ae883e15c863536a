package io.archlens.rules.sql;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.syntax.sql.AlterTable;
import io.archlens.syntax.sql.ColumnDef;
import io.archlens.syntax.sql.CreateIndex;
import io.archlens.syntax.sql.CreateTable;
import io.archlens.syntax.sql.SqlDialect;
import io.archlens.syntax.sql.SqlScript;
import io.archlens.syntax.sql.SqlStatement;
import io.archlens.syntax.sql.TableConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * PostgreSQL, any .sql file: a foreign key whose columns are not the leading columns of any index, primary key
 * or unique constraint declared in the same file. Checked for foreign keys of tables created in the file and for
 * columns added with REFERENCES (a new column cannot have an index elsewhere); a foreign key added to an existing
 * table may be indexed by an earlier migration and is not reported. MySQL (InnoDB indexes foreign keys itself)
 * is not checked.
 */
final class ForeignKeyWithoutIndex extends SqlRule {
    static final RuleMeta META = sql("foreign-key-without-index", "A foreign key column has no index",
            Severity.WARNING, Category.PERFORMANCE);

    ForeignKeyWithoutIndex() {
        super(META);
    }

    private record Fk(String table, List<String> columns, String refTable, TextRange at) {
    }

    @Override
    public void check(SqlScript script, RuleContext ctx) {
        if (script.dialect(ctx.project()) == SqlDialect.MYSQL) {
            return;
        }
        Map<String, List<List<String>>> indexes = new HashMap<>();
        List<Fk> fks = new ArrayList<>();
        for (SqlStatement s : script.statements()) {
            Object d = s.ddl();
            if (d instanceof CreateIndex ci && ci.table() != null) {
                index(indexes, ci.table().name(), ci.columns());
            } else if (d instanceof CreateTable ct) {
                String t = ct.table().name();
                for (ColumnDef c : ct.columns()) {
                    if (c.primaryKey() || c.unique()) {
                        index(indexes, t, List.of(c.name()));
                    }
                    if (c.references() != null) {
                        fks.add(new Fk(t, List.of(c.name()), c.references().name(), s.get(c.nameToken()).range()));
                    }
                }
                for (TableConstraint tc : ct.constraints()) {
                    constraint(indexes, fks, s, t, tc);
                }
            } else if (d instanceof AlterTable at) {
                String t = at.table().name();
                for (AlterTable.Action a : at.actions()) {
                    if (a.kind() == AlterTable.Kind.ADD_COLUMN && a.column() != null) {
                        ColumnDef c = a.column();
                        if (c.primaryKey() || c.unique()) {
                            index(indexes, t, List.of(c.name()));
                        }
                        if (c.references() != null) {
                            fks.add(new Fk(t, List.of(c.name()), c.references().name(), s.get(c.nameToken()).range()));
                        }
                    } else if ((a.kind() == AlterTable.Kind.ADD_CONSTRAINT || a.kind() == AlterTable.Kind.ADD_INDEX)
                            && a.constraint() != null) {
                        TableConstraint tc = a.constraint();
                        if (tc.kind() == TableConstraint.Kind.FOREIGN_KEY && !script.createdHere(at.table())) {
                            continue;
                        }
                        constraint(indexes, fks, s, t, tc);
                    }
                }
            }
        }
        for (Fk fk : fks) {
            if (fk.columns().isEmpty() || fk.columns().stream().anyMatch(Objects::isNull) || covered(indexes.get(fk.table()), fk.columns())) {
                continue;
            }
            String cols = String.join(", ", fk.columns());
            ctx.report(fk.at(), "Foreign key " + fk.table() + " (" + cols + ") has no index in this file: every"
                    + " delete or key update on " + fk.refTable() + " scans " + fk.table() + ", and joins on it are"
                    + " slow; CREATE INDEX ON " + fk.table() + " (" + cols + ")");
        }
    }

    private static void constraint(Map<String, List<List<String>>> indexes, List<Fk> fks, SqlStatement s, String t,
            TableConstraint tc) {
        switch (tc.kind()) {
            case PRIMARY_KEY, UNIQUE, INDEX, EXCLUDE -> index(indexes, t, tc.columns());
            case FOREIGN_KEY -> {
                int f = s.find(tc.from(), tc.to(), s.get(tc.from()).depth(), "FOREIGN");
                int open = f + 2;
                TextRange at = f >= 0 && s.isOp(open, "(") ? s.range(f, s.closing(open) + 1) : s.range(tc.from(), tc.to());
                fks.add(new Fk(t, tc.columns(), tc.refTable() == null ? "the referenced table" : tc.refTable().name(),
                        at));
            }
            default -> {
            }
        }
    }

    private static void index(Map<String, List<List<String>>> indexes, String table, List<String> cols) {
        if (!cols.isEmpty() && cols.get(0) != null) {
            indexes.computeIfAbsent(table, k -> new ArrayList<>()).add(cols);
        }
    }

    /** True when some index's first {@code fk.size()} columns are exactly the foreign key's columns (any order). */
    private static boolean covered(List<List<String>> idx, List<String> fk) {
        if (idx == null) {
            return false;
        }
        for (List<String> cols : idx) {
            if (cols.size() >= fk.size()
                    && new HashSet<>(cols.subList(0, fk.size())).equals(new HashSet<>(fk))
                    && cols.subList(0, fk.size()).stream().allMatch(Objects::nonNull)) {
                return true;
            }
        }
        return false;
    }
}

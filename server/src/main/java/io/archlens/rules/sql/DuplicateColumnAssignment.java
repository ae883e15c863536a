package io.archlens.rules.sql;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.sql.SqlName;
import io.archlens.syntax.sql.SqlScript;
import io.archlens.syntax.sql.SqlStatement;
import java.util.HashMap;
import java.util.Map;

/**
 * Any .sql file: {@code UPDATE ... SET a = 1, ..., a = 2}. PostgreSQL rejects the statement ("multiple assignments
 * to same column"); MySQL runs the assignments in order and keeps the last. Sub-fields ({@code a.x}, {@code a[1]})
 * are different targets.
 */
final class DuplicateColumnAssignment extends SqlRule {
    static final RuleMeta META = sql("duplicate-column-assignment",
            "An UPDATE assigns the same column twice", Severity.ERROR, Category.RELIABILITY);

    DuplicateColumnAssignment() {
        super(META);
    }

    @Override
    public void check(SqlScript script, RuleContext ctx) {
        for (SqlStatement s : script.statements()) {
            int set = s.startsWith("UPDATE") ? s.find("SET") : -1;
            if (set < 0 || s.get(set).depth() != 0) {
                continue;
            }
            Map<String, Integer> first = new HashMap<>();
            boolean target = true;
            for (int i = set + 1; i < s.size(); i++) {
                if (s.get(i).depth() != 0) {
                    continue;
                }
                if (s.is(i, "WHERE") || s.is(i, "FROM") || s.is(i, "RETURNING")) {
                    break;
                }
                if (s.isOp(i, ",")) {
                    target = true;
                    continue;
                }
                if (!target) {
                    continue;
                }
                target = false;
                if (!s.get(i).isIdentifier() || !s.isOp(i + 1, "=")) {
                    continue; // (a, b) = (...), a.x = ..., a[1] = ...
                }
                String name = SqlName.normalize(s.text(s.get(i)));
                Integer prev = first.putIfAbsent(name, i);
                if (prev != null) {
                    ctx.report(s.get(i).range(), "Column " + name + " is already assigned on line "
                            + (ctx.file().lines().lineOf(s.get(prev).start()) + 1) + " of this UPDATE: PostgreSQL"
                            + " rejects the statement (multiple assignments to same column) and MySQL silently"
                            + " keeps the last value; assign it once");
                }
            }
        }
    }
}

package io.archlens.rules.sql;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.sql.SqlScript;
import io.archlens.syntax.sql.SqlStatement;

/** Any .sql file: TRUNCATE ... CASCADE also empties every table that references the named ones, recursively. */
final class TruncateCascade extends SqlRule {
    static final RuleMeta META = sql("truncate-cascade",
            "TRUNCATE ... CASCADE also empties every table with a foreign key to these", Severity.WARNING,
            Category.RELIABILITY);

    TruncateCascade() {
        super(META);
    }

    @Override
    public void check(SqlScript script, RuleContext ctx) {
        for (SqlStatement s : script.statements()) {
            if (!s.startsWith("TRUNCATE")) {
                continue;
            }
            int c = s.find("CASCADE");
            if (c > 0 && s.get(c).depth() == 0) {
                ctx.report(s.get(c).range(), "CASCADE also truncates every table that has a foreign key to these,"
                        + " and the tables referencing those, with no list of what was emptied; name the tables"
                        + " to empty and drop CASCADE (TRUNCATE then fails instead of spreading)");
            }
        }
    }
}

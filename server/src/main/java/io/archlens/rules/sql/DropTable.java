package io.archlens.rules.sql;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.sql.SqlName;
import io.archlens.syntax.sql.SqlScript;
import io.archlens.syntax.sql.SqlStatement;

/** Migrations only (not undo/down ones): DROP TABLE of a table this file does not create (each name). */
final class DropTable extends SqlRule {
    static final RuleMeta META = sql("drop-table", "A table is dropped while the running version may still use it",
            Severity.WARNING, Category.RELIABILITY);

    DropTable() {
        super(META);
    }

    @Override
    public void check(SqlScript script, RuleContext ctx) {
        if (!script.isMigration() || script.migration().down()) {
            return;
        }
        for (SqlStatement s : script.statements()) {
            if (!s.startsWith("DROP", "TABLE")) {
                continue;
            }
            int i = 2;
            if (s.matches(i, "IF", "EXISTS")) {
                i += 2;
            }
            while (i < s.size()) {
                SqlName name = SqlName.read(s, i);
                if (name == null) {
                    break;
                }
                if (existing(script, name)) {
                    ctx.report(name.range(), "Dropping table " + name.name() + " breaks the version still running"
                            + " during the deploy and cannot be undone; stop using it in a release first, keep a"
                            + " backup or rename-and-wait, then drop it");
                }
                i = name.end();
                if (!s.isOp(i, ",")) {
                    break;
                }
                i++;
            }
        }
    }
}

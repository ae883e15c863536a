package io.archlens.rules.sql;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.sql.SqlName;
import io.archlens.syntax.sql.SqlScript;
import java.util.Locale;

/** Shared plumbing of the SQL rules. */
abstract class SqlRule implements Rule<SqlScript> {
    private final RuleMeta meta;

    SqlRule(RuleMeta meta) {
        this.meta = meta;
    }

    @Override
    public final RuleMeta meta() {
        return meta;
    }

    static RuleMeta sql(String what, String title, Severity severity, Category category) {
        return RuleMeta.of("sql/" + what, title, severity, category, FileKind.SQL);
    }

    /** A table that exists before this file runs (it is not created by this file). */
    static boolean existing(SqlScript script, SqlName table) {
        return table != null && !script.createdHere(table);
    }

    /** {@code replacement} in upper case when {@code original} is written in upper case. */
    static String sameCase(String original, String replacement) {
        boolean upper = !original.equals(original.toLowerCase(Locale.ROOT))
                && original.equals(original.toUpperCase(Locale.ROOT));
        return upper ? replacement.toUpperCase(Locale.ROOT) : replacement;
    }
}

package io.archlens.rules.sql;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.sql.AlterTable;
import io.archlens.syntax.sql.SqlName;
import io.archlens.syntax.sql.SqlScript;
import io.archlens.syntax.sql.SqlStatement;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** What a rule does with one ALTER TABLE action. */
    interface AlterAction {
        void accept(SqlStatement s, AlterTable at, AlterTable.Action a);
    }

    /** Calls {@code each} for every ALTER TABLE action of {@code kind} on a table this file does not create. */
    static void existingAlters(SqlScript script, AlterTable.Kind kind, AlterAction each) {
        for (SqlStatement s : script.statements()) {
            if (s.ddl() instanceof AlterTable at && existing(script, at.table())) {
                for (AlterTable.Action a : at.actions()) {
                    if (a.kind() == kind) {
                        each.accept(s, at, a);
                    }
                }
            }
        }
    }

    private static final Pattern KEYWORD = Pattern.compile("\\b[A-Z][A-Z_]*\\b");

    /**
     * {@code template} (keywords written in upper case, e.g. {@code SET lock_timeout = '5s';}) in the keyword case
     * of {@code original}: unchanged when {@code original} is upper case, keywords lower-cased otherwise.
     */
    static String sameCase(String original, String template) {
        boolean upper = !original.equals(original.toLowerCase(Locale.ROOT))
                && original.equals(original.toUpperCase(Locale.ROOT));
        if (upper) {
            return template;
        }
        Matcher m = KEYWORD.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, m.group().toLowerCase(Locale.ROOT));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}

package io.archlens.rules.sql;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.sql.AlterTable;
import io.archlens.syntax.sql.ColumnDef;
import io.archlens.syntax.sql.SqlDialect;
import io.archlens.syntax.sql.SqlScript;
import io.archlens.syntax.sql.SqlStatement;
import java.util.Set;

/**
 * PostgreSQL migrations: ALTER TABLE (existing) ADD COLUMN whose value must be computed per row, which
 * rewrites the whole table under ACCESS EXCLUSIVE: a DEFAULT calling a volatile function (random(),
 * gen_random_uuid(), uuid_generate_v4(), clock_timestamp(), timeofday(), nextval()...), a serial type, an identity
 * column, or a stored generated column. Constant and stable defaults (now(), current_timestamp, 'x', 0) are stored
 * in the catalog since PostgreSQL 11 and are not reported.
 */
final class VolatileDefault extends SqlRule {
    static final RuleMeta META = sql("volatile-default",
            "A column added with a per-row default rewrites the whole table", Severity.WARNING,
            Category.PERFORMANCE);
    static final Set<String> VOLATILE = Set.of("RANDOM", "GEN_RANDOM_UUID", "UUID_GENERATE_V1", "UUID_GENERATE_V1MC",
            "UUID_GENERATE_V4", "UUIDV4", "UUIDV7", "CLOCK_TIMESTAMP", "TIMEOFDAY", "NEXTVAL", "GEN_RANDOM_BYTES",
            "SETSEED");
    /** Built-ins that are STABLE or IMMUTABLE: a default calling them is evaluated once and stored. */
    static final Set<String> NOT_VOLATILE = Set.of("NOW", "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME",
            "LOCALTIMESTAMP", "LOCALTIME", "TRANSACTION_TIMESTAMP", "STATEMENT_TIMESTAMP", "CURRENT_USER",
            "SESSION_USER", "CURRENT_SCHEMA", "LOWER", "UPPER", "COALESCE", "NULLIF", "GREATEST", "LEAST", "CONCAT",
            "MD5", "LENGTH", "SUBSTRING", "REPLACE", "TRIM", "ABS", "ROUND", "FLOOR", "CEIL", "POWER", "TO_CHAR",
            "TO_DATE", "TO_TIMESTAMP", "TO_JSON", "TO_JSONB", "JSON_BUILD_OBJECT", "JSONB_BUILD_OBJECT",
            "JSON_BUILD_ARRAY", "JSONB_BUILD_ARRAY", "ARRAY", "ROW", "CAST", "MAKE_INTERVAL", "MAKE_DATE",
            "DATE_TRUNC", "EXTRACT", "ARRAY_LENGTH", "INTERVAL", "TIMESTAMP", "TIMESTAMPTZ", "DATE", "NUMERIC",
            "VARCHAR", "CHAR", "DECIMAL", "TIMEZONE", "LEFT", "RIGHT", "LPAD", "RPAD", "SPLIT_PART", "REGEXP_REPLACE",
            "JSONB_SET", "ARRAY_TO_STRING", "STRING_TO_ARRAY", "TO_NUMBER", "AGE", "DATE_PART", "CURRENT_SETTING",
            "UUID_NIL", "ENCODE", "DECODE", "CONVERT_TO");
    private static final Set<String> SERIAL = Set.of("SERIAL", "BIGSERIAL", "SMALLSERIAL", "SERIAL2", "SERIAL4",
            "SERIAL8");

    VolatileDefault() {
        super(META);
    }

    @Override
    public void check(SqlScript script, RuleContext ctx) {
        if (!script.isMigration() || script.dialect(ctx.project()) == SqlDialect.MYSQL) {
            return;
        }
        for (SqlStatement s : script.statements()) {
            if (!(s.ddl() instanceof AlterTable at) || !existing(script, at.table())) {
                continue;
            }
            for (AlterTable.Action a : at.actions()) {
                ColumnDef c = a.column();
                if (a.kind() != AlterTable.Kind.ADD_COLUMN || c == null) {
                    continue;
                }
                String table = at.table().name();
                String tail = "; add the column without it, set the default for new rows separately and backfill"
                        + " existing rows in batches";
                if (c.hasDefault()) {
                    for (int i = c.defaultFrom(); i < c.defaultTo(); i++) {
                        String w = s.word(i);
                        if (w != null && VOLATILE.contains(w) && s.isOp(i + 1, "(")) {
                            ctx.report(s.get(i).range(), "DEFAULT " + s.text(s.get(i)) + "() is volatile, so"
                                    + " PostgreSQL computes it for every existing row and rewrites " + table
                                    + " under an ACCESS EXCLUSIVE lock" + tail);
                            break;
                        }
                        if (w != null && !NOT_VOLATILE.contains(w) && s.isOp(i + 1, "(") && !s.isOp(i - 1, ".")
                                || w != null && s.isOp(i + 1, ".") && s.word(i + 2) != null && s.isOp(i + 3, "(")
                                && !NOT_VOLATILE.contains(s.word(i + 2))) {
                            // a function this file does not define: VOLATILE unless declared STABLE or IMMUTABLE
                            ctx.report(s.get(i).range(), "DEFAULT " + s.text(s.get(i)) + "(...) calls a function"
                                    + " ArchLens cannot see; functions are VOLATILE unless declared STABLE or IMMUTABLE,"
                                    + " and a volatile default makes PostgreSQL compute it for every existing row and"
                                    + " rewrite " + table + " under an ACCESS EXCLUSIVE lock (assumed volatile)" + tail);
                            break;
                        }
                    }
                }
                if (c.typeFrom() < c.typeTo() && SERIAL.contains(c.baseType(s))) {
                    ctx.report(c.typeRange(s), "Adding a " + s.text(s.get(c.typeFrom())) + " column numbers every"
                            + " existing row and rewrites " + table + " under an ACCESS EXCLUSIVE lock" + tail);
                } else if (c.identity() || c.generated()) {
                    int g = s.find(c.from(), c.to(), 0, "GENERATED");
                    if (g >= 0) {
                        ctx.report(s.get(g).range(), "Adding an identity or stored generated column computes a"
                                + " value for every existing row and rewrites " + table + " under an ACCESS"
                                + " EXCLUSIVE lock" + tail);
                    }
                }
            }
        }
    }
}

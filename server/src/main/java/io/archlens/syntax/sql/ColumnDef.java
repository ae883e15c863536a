package io.archlens.syntax.sql;

import io.archlens.core.TextRange;
import java.util.List;

/**
 * A column definition (CREATE TABLE element, ALTER TABLE ADD/MODIFY/CHANGE COLUMN). Token indices are into the
 * statement: {@code nameToken}, type tokens [{@code typeFrom}, {@code typeTo}), the whole definition
 * [{@code from}, {@code to}). {@code defaultFrom}/{@code defaultTo} bound the DEFAULT expression (-1 when none),
 * {@code notNull} is the index of NOT in NOT NULL (-1 when none).
 */
public record ColumnDef(
        String name,
        int nameToken,
        int typeFrom,
        int typeTo,
        int from,
        int to,
        int notNull,
        int defaultFrom,
        int defaultTo,
        boolean primaryKey,
        boolean unique,
        boolean identity,
        boolean generated,
        SqlName references,
        int referencesToken) {

    public boolean hasDefault() {
        return defaultFrom >= 0;
    }

    /** The type as written, upper-cased words joined with single spaces ({@code TIMESTAMP(3) WITHOUT TIME ZONE}). */
    public String type(SqlStatement s) {
        StringBuilder sb = new StringBuilder();
        for (int i = typeFrom; i < typeTo; i++) {
            SqlToken t = s.get(i);
            String w = t.type() == SqlToken.Type.WORD ? t.word() : s.text(t);
            boolean glue = t.isOp("(") || t.isOp(")") || t.isOp(",") || sb.length() == 0
                    || sb.charAt(sb.length() - 1) == '(' || sb.charAt(sb.length() - 1) == ',';
            if (!glue) {
                sb.append(' ');
            }
            sb.append(w);
        }
        return sb.toString();
    }

    /** The first word of the type ({@code INT}, {@code TIMESTAMP}, {@code CHARACTER}), or "". */
    public String baseType(SqlStatement s) {
        return typeFrom < typeTo && s.word(typeFrom) != null ? s.word(typeFrom) : "";
    }

    public TextRange typeRange(SqlStatement s) {
        return s.range(typeFrom, typeTo);
    }

    public static List<String> names(List<ColumnDef> cols) {
        return cols.stream().map(ColumnDef::name).toList();
    }
}

package io.archlens.syntax.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Builds the structural views of CREATE TABLE, ALTER TABLE and CREATE INDEX from a statement's tokens. */
final class DdlReader {
    /** Words that end a column's type and start its constraints. */
    private static final Set<String> COLUMN_CONSTRAINT_START = Set.of("CONSTRAINT", "NOT", "NULL", "DEFAULT",
            "PRIMARY", "UNIQUE", "REFERENCES", "CHECK", "GENERATED", "COLLATE", "AUTO_INCREMENT", "COMMENT", "ON",
            "AS", "KEY", "VISIBLE", "INVISIBLE", "STORAGE", "COMPRESSION", "IDENTITY", "CHARSET", "FIRST", "AFTER",
            "SRID", "DEFERRABLE", "INITIALLY", "USING");
    private static final Set<String> TABLE_CONSTRAINT_START = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN",
            "CHECK", "EXCLUDE", "INDEX", "KEY", "FULLTEXT", "SPATIAL", "LIKE", "PERIOD");

    private DdlReader() {
    }

    static Object read(SqlStatement s) {
        if (s.size() < 3 || s.word(0) == null) {
            return null;
        }
        String first = s.word(0);
        if (first.equals("CREATE")) {
            int i = 1;
            if (s.matches(i, "OR", "REPLACE")) {
                i += 2;
            }
            while (i < s.size() && isOneOf(s.word(i), "GLOBAL", "LOCAL", "TEMP", "TEMPORARY", "UNLOGGED")) {
                i++;
            }
            if (s.is(i, "TABLE")) {
                return createTable(s, i + 1);
            }
            int j = 1;
            boolean unique = false;
            while (j < s.size() && isOneOf(s.word(j), "UNIQUE", "FULLTEXT", "SPATIAL")) {
                unique |= s.is(j, "UNIQUE");
                j++;
            }
            if (s.is(j, "INDEX")) {
                return createIndex(s, j, unique);
            }
            return null;
        }
        if (first.equals("ALTER") && s.is(1, "TABLE")) {
            return alterTable(s);
        }
        return null;
    }

    static boolean isOneOf(String w, String... options) {
        if (w == null) {
            return false;
        }
        for (String o : options) {
            if (w.equals(o)) {
                return true;
            }
        }
        return false;
    }

    private static CreateTable createTable(SqlStatement s, int i) {
        boolean temporary = false;
        for (int k = 1; k < i; k++) {
            temporary |= isOneOf(s.word(k), "TEMP", "TEMPORARY");
        }
        if (s.matches(i, "IF", "NOT", "EXISTS")) {
            i += 3;
        }
        SqlName name = SqlName.read(s, i);
        if (name == null) {
            return null;
        }
        i = name.end();
        List<ColumnDef> cols = new ArrayList<>();
        List<TableConstraint> cons = new ArrayList<>();
        if (!s.isOp(i, "(")) {
            return new CreateTable(name, temporary, true, cols, cons);
        }
        int close = s.closing(i);
        boolean derived = s.is(close + 1, "AS");
        int depth = s.get(i).depth() + 1;
        for (int[] el : elements(s, i + 1, close, depth)) {
            int a = el[0];
            int b = el[1];
            if (a >= b) {
                continue;
            }
            String w = s.word(a);
            if (w != null && TABLE_CONSTRAINT_START.contains(w)) {
                if (w.equals("LIKE")) {
                    derived = true;
                    continue;
                }
                cons.add(constraint(s, a, b, depth));
            } else {
                ColumnDef c = column(s, a, b, depth);
                if (c != null) {
                    cols.add(c);
                }
            }
        }
        return new CreateTable(name, temporary, derived, cols, cons);
    }

    /** Splits tokens (from, to) at commas of {@code depth} into [start, end) pairs. */
    static List<int[]> elements(SqlStatement s, int from, int to, int depth) {
        List<int[]> out = new ArrayList<>();
        int start = from;
        for (int i = from; i < to; i++) {
            SqlToken t = s.get(i);
            if (t.depth() == depth && t.isOp(",")) {
                out.add(new int[] {start, i});
                start = i + 1;
            }
        }
        out.add(new int[] {start, to});
        return out;
    }

    /** A column definition in tokens [a, b) at parenthesis depth {@code depth}. */
    static ColumnDef column(SqlStatement s, int a, int b, int depth) {
        if (a >= b || !s.get(a).isIdentifier()) {
            return null;
        }
        String name = s.identifier(a);
        int i = a + 1;
        int typeFrom = i;
        while (i < b) {
            SqlToken t = s.get(i);
            if (t.depth() == depth && t.type() == SqlToken.Type.WORD) {
                String w = t.word();
                if (COLUMN_CONSTRAINT_START.contains(w)) {
                    break;
                }
                if (w.equals("CHARACTER") && i > typeFrom && s.is(i + 1, "SET")) {
                    break;
                }
            }
            i++;
        }
        int typeTo = i;
        int notNull = -1;
        int defaultFrom = -1;
        int defaultTo = -1;
        boolean pk = false;
        boolean unique = false;
        boolean identity = false;
        boolean generated = false;
        SqlName refs = null;
        int refsTok = -1;
        while (i < b) {
            SqlToken t = s.get(i);
            if (t.depth() != depth || t.type() != SqlToken.Type.WORD) {
                i++;
                continue;
            }
            String w = t.word();
            switch (w) {
                case "NOT":
                    if (s.is(i + 1, "NULL")) {
                        notNull = i;
                        i += 2;
                        continue;
                    }
                    break;
                case "DEFAULT": {
                    int j = i + 1;
                    defaultFrom = j;
                    if (j < b) {
                        j++;
                    }
                    while (j < b) {
                        SqlToken u = s.get(j);
                        if (u.depth() == depth && u.type() == SqlToken.Type.WORD && isOneOf(u.word(), "NOT", "NULL",
                                "PRIMARY", "UNIQUE", "REFERENCES", "CHECK", "CONSTRAINT", "GENERATED", "COLLATE",
                                "AUTO_INCREMENT", "COMMENT", "ON", "VISIBLE", "INVISIBLE")) {
                            break;
                        }
                        j++;
                    }
                    defaultTo = j;
                    i = j;
                    continue;
                }
                case "PRIMARY":
                    pk = true;
                    break;
                case "UNIQUE":
                    unique = true;
                    break;
                case "AUTO_INCREMENT":
                case "IDENTITY":
                    identity = true;
                    break;
                case "GENERATED": {
                    int as = s.find(i, b, depth, "AS");
                    if (as >= 0 && s.is(as + 1, "IDENTITY")) {
                        identity = true;
                    } else {
                        generated = true;
                    }
                    break;
                }
                case "AS":
                    generated = true;
                    break;
                case "REFERENCES":
                    refs = SqlName.read(s, i + 1);
                    refsTok = i;
                    break;
                default:
                    break;
            }
            i++;
        }
        String base = typeFrom < typeTo ? s.word(typeFrom) : null;
        if (base != null && (base.equals("SERIAL") || base.equals("BIGSERIAL") || base.equals("SMALLSERIAL")
                || base.equals("SERIAL4") || base.equals("SERIAL8") || base.equals("SERIAL2"))) {
            identity = true;
        }
        return new ColumnDef(name, a, typeFrom, typeTo, a, b, notNull, defaultFrom, defaultTo, pk, unique, identity,
                generated, refs, refsTok);
    }

    /** A table constraint in tokens [a, b). */
    static TableConstraint constraint(SqlStatement s, int a, int b, int depth) {
        int i = a;
        String name = null;
        if (s.is(i, "CONSTRAINT")) {
            name = s.identifier(i + 1);
            i += 2;
        }
        TableConstraint.Kind kind;
        String w = s.word(i);
        if (w == null) {
            kind = TableConstraint.Kind.OTHER;
        } else {
            switch (w) {
                case "PRIMARY": kind = TableConstraint.Kind.PRIMARY_KEY; break;
                case "UNIQUE": kind = TableConstraint.Kind.UNIQUE; break;
                case "FOREIGN": kind = TableConstraint.Kind.FOREIGN_KEY; break;
                case "CHECK": kind = TableConstraint.Kind.CHECK; break;
                case "EXCLUDE": kind = TableConstraint.Kind.EXCLUDE; break;
                case "INDEX": case "KEY": case "FULLTEXT": case "SPATIAL": kind = TableConstraint.Kind.INDEX; break;
                default: kind = TableConstraint.Kind.OTHER; break;
            }
        }
        List<String> cols = List.of();
        int open = -1;
        for (int k = i; k < b; k++) {
            if (s.get(k).depth() == depth && s.isOp(k, "(")) {
                open = k;
                break;
            }
            if (s.is(k, "REFERENCES") || s.is(k, "USING")) {
                break;
            }
        }
        if (open >= 0 && kind != TableConstraint.Kind.CHECK) {
            cols = columnList(s, open);
        }
        SqlName ref = null;
        List<String> refCols = List.of();
        int r = s.find(i, b, depth, "REFERENCES");
        if (r >= 0) {
            ref = SqlName.read(s, r + 1);
            if (ref != null && s.isOp(ref.end(), "(")) {
                refCols = columnList(s, ref.end());
            }
        }
        boolean notValid = false;
        for (int k = i; k + 1 < b; k++) {
            if (s.get(k).depth() == depth && s.is(k, "NOT") && s.is(k + 1, "VALID")) {
                notValid = true;
            }
        }
        boolean usingIndex = false;
        int u = s.find(i, b, depth, "USING");
        if (u >= 0 && s.is(u + 1, "INDEX")) {
            usingIndex = true;
        }
        return new TableConstraint(kind, name, cols, ref, refCols, notValid, usingIndex, a, b);
    }

    /** Column names inside the parentheses at {@code open}: the first identifier of each element, null for expressions. */
    static List<String> columnList(SqlStatement s, int open) {
        int close = s.closing(open);
        int depth = s.get(open).depth() + 1;
        List<String> out = new ArrayList<>();
        for (int[] el : elements(s, open + 1, close, depth)) {
            if (el[0] >= el[1]) {
                continue;
            }
            SqlToken t = s.get(el[0]);
            boolean expression = !t.isIdentifier() || (el[0] + 1 < el[1] && s.isOp(el[0] + 1, "("));
            out.add(expression ? null : s.identifier(el[0]));
        }
        return out;
    }

    private static CreateIndex createIndex(SqlStatement s, int indexTok, boolean unique) {
        int i = indexTok + 1;
        boolean concurrently = false;
        if (s.is(i, "CONCURRENTLY")) {
            concurrently = true;
            i++;
        }
        if (s.matches(i, "IF", "NOT", "EXISTS")) {
            i += 3;
        }
        SqlName index = null;
        if (!s.is(i, "ON")) {
            index = SqlName.read(s, i);
            i = index == null ? i : index.end();
        }
        while (i < s.size() && !s.is(i, "ON")) {
            i++;
        }
        i++;
        if (s.is(i, "ONLY")) {
            i++;
        }
        SqlName table = SqlName.read(s, i);
        List<String> cols = List.of();
        if (table != null) {
            int j = table.end();
            while (j < s.size() && !s.isOp(j, "(")) {
                j++;
            }
            if (j < s.size()) {
                cols = columnList(s, j);
            }
        }
        boolean opts = s.find(0, s.size(), 0, "ALGORITHM") >= 0 || s.find(0, s.size(), 0, "LOCK") >= 0;
        return new CreateIndex(unique, concurrently, index, table, cols, indexTok, opts);
    }

    private static AlterTable alterTable(SqlStatement s) {
        int i = 2;
        if (s.matches(i, "IF", "EXISTS")) {
            i += 2;
        }
        if (s.is(i, "ONLY")) {
            i++;
        }
        SqlName table = SqlName.read(s, i);
        if (table == null) {
            return null;
        }
        i = table.end();
        if (s.isOp(i, "*")) {
            i++;
        }
        List<AlterTable.Action> actions = new ArrayList<>();
        for (int[] el : elements(s, i, s.size(), 0)) {
            if (el[0] < el[1]) {
                actions.add(action(s, el[0], el[1]));
            }
        }
        return new AlterTable(table, actions);
    }

    private static AlterTable.Action action(SqlStatement s, int a, int b) {
        String w = s.word(a);
        if (w == null) {
            return simple(AlterTable.Kind.OTHER, a, b);
        }
        switch (w) {
            case "ADD": {
                int i = a + 1;
                if (s.is(i, "COLUMN")) {
                    i++;
                    if (s.matches(i, "IF", "NOT", "EXISTS")) {
                        i += 3;
                    }
                    return addColumn(s, i, a, b);
                }
                String n = s.word(i);
                if (s.is(i, "UNIQUE") && isOneOf(s.word(i + 1), "INDEX", "KEY")
                        || isOneOf(n, "INDEX", "KEY", "FULLTEXT", "SPATIAL")) {
                    TableConstraint c = constraint(s, i, b, 0);
                    return new AlterTable.Action(AlterTable.Kind.ADD_INDEX, a, b, null,
                            new TableConstraint(TableConstraint.Kind.INDEX, c.name(), c.columns(), null, List.of(),
                                    false, false, i, b), null, -1, null, -1);
                }
                if (isOneOf(n, "CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN", "CHECK", "EXCLUDE")) {
                    return new AlterTable.Action(AlterTable.Kind.ADD_CONSTRAINT, a, b, null, constraint(s, i, b, 0),
                            null, -1, null, -1);
                }
                if (s.matches(i, "IF", "NOT", "EXISTS")) {
                    i += 3;
                }
                return addColumn(s, i, a, b);
            }
            case "DROP": {
                int i = a + 1;
                if (s.is(i, "CONSTRAINT")) {
                    return simple(AlterTable.Kind.DROP_CONSTRAINT, a, b);
                }
                if (isOneOf(s.word(i), "INDEX", "KEY", "PRIMARY", "FOREIGN", "CHECK", "PARTITION")) {
                    return simple(AlterTable.Kind.DROP_OTHER, a, b);
                }
                if (s.is(i, "COLUMN")) {
                    i++;
                }
                if (s.matches(i, "IF", "EXISTS")) {
                    i += 2;
                }
                return new AlterTable.Action(AlterTable.Kind.DROP_COLUMN, a, b, null, null, s.identifier(i), i, null,
                        -1);
            }
            case "ALTER": {
                int i = a + 1;
                if (s.is(i, "COLUMN")) {
                    i++;
                }
                if (s.is(i, "CONSTRAINT")) {
                    return simple(AlterTable.Kind.OTHER, a, b);
                }
                String col = s.identifier(i);
                int colTok = i;
                i++;
                AlterTable.Kind kind = AlterTable.Kind.ALTER_COLUMN_OTHER;
                int typeFrom = -1;
                if (s.is(i, "TYPE")) {
                    kind = AlterTable.Kind.ALTER_COLUMN_TYPE;
                    typeFrom = i + 1;
                } else if (s.matches(i, "SET", "DATA", "TYPE")) {
                    kind = AlterTable.Kind.ALTER_COLUMN_TYPE;
                    typeFrom = i + 3;
                } else if (s.matches(i, "SET", "NOT", "NULL")) {
                    kind = AlterTable.Kind.SET_NOT_NULL;
                } else if (s.matches(i, "DROP", "NOT", "NULL")) {
                    kind = AlterTable.Kind.DROP_NOT_NULL;
                } else if (s.matches(i, "SET", "DEFAULT")) {
                    kind = AlterTable.Kind.SET_DEFAULT;
                } else if (s.matches(i, "DROP", "DEFAULT")) {
                    kind = AlterTable.Kind.DROP_DEFAULT;
                }
                return new AlterTable.Action(kind, a, b, null, null, col, colTok, null, typeFrom);
            }
            case "RENAME": {
                int i = a + 1;
                if (s.is(i, "TO") || s.is(i, "AS")) {
                    return new AlterTable.Action(AlterTable.Kind.RENAME_TABLE, a, b, null, null, null, -1,
                            s.identifier(i + 1), -1);
                }
                if (isOneOf(s.word(i), "CONSTRAINT", "INDEX", "KEY")) {
                    return simple(AlterTable.Kind.RENAME_OTHER, a, b);
                }
                if (s.is(i, "COLUMN")) {
                    i++;
                }
                String col = s.identifier(i);
                String to = s.is(i + 1, "TO") ? s.identifier(i + 2) : null;
                return new AlterTable.Action(AlterTable.Kind.RENAME_COLUMN, a, b, null, null, col, i, to, -1);
            }
            case "MODIFY": {
                int i = a + 1;
                if (s.is(i, "COLUMN")) {
                    i++;
                }
                ColumnDef c = column(s, i, b, 0);
                return new AlterTable.Action(AlterTable.Kind.MODIFY_COLUMN, a, b, c, null,
                        c == null ? null : c.name(), i, null, c == null ? -1 : c.typeFrom());
            }
            case "CHANGE": {
                int i = a + 1;
                if (s.is(i, "COLUMN")) {
                    i++;
                }
                String old = s.identifier(i);
                ColumnDef c = column(s, i + 1, b, 0);
                return new AlterTable.Action(AlterTable.Kind.CHANGE_COLUMN, a, b, c, null, old, i,
                        c == null ? null : c.name(), c == null ? -1 : c.typeFrom());
            }
            case "VALIDATE":
                return new AlterTable.Action(AlterTable.Kind.VALIDATE_CONSTRAINT, a, b, null, null, null, -1,
                        s.identifier(a + 2), -1);
            case "ALGORITHM":
            case "LOCK":
                return simple(AlterTable.Kind.OPTION, a, b);
            default:
                return simple(AlterTable.Kind.OTHER, a, b);
        }
    }

    private static AlterTable.Action addColumn(SqlStatement s, int i, int a, int b) {
        ColumnDef c = column(s, i, b, 0);
        return new AlterTable.Action(AlterTable.Kind.ADD_COLUMN, a, b, c, null, c == null ? null : c.name(), i, null,
                -1);
    }

    private static AlterTable.Action simple(AlterTable.Kind kind, int a, int b) {
        return new AlterTable.Action(kind, a, b, null, null, null, -1, null, -1);
    }
}

package io.archlens.syntax.sql;

import java.util.List;

/** {@code ALTER TABLE [IF EXISTS] [ONLY] name action[, action...]}. */
public record AlterTable(SqlName table, List<Action> actions) {

    public enum Kind {
        ADD_COLUMN, ADD_CONSTRAINT, ADD_INDEX, DROP_COLUMN, DROP_CONSTRAINT, DROP_OTHER, ALTER_COLUMN_TYPE,
        SET_NOT_NULL, DROP_NOT_NULL, SET_DEFAULT, DROP_DEFAULT, ALTER_COLUMN_OTHER, RENAME_COLUMN, RENAME_TABLE,
        RENAME_OTHER, MODIFY_COLUMN, CHANGE_COLUMN, VALIDATE_CONSTRAINT, OPTION, OTHER
    }

    /**
     * One action, tokens [{@code from}, {@code to}). {@code column} is the definition for ADD/MODIFY/CHANGE
     * COLUMN; {@code constraint} for ADD CONSTRAINT/ADD INDEX; {@code columnName}/{@code columnToken} the column
     * an ALTER/DROP/RENAME COLUMN acts on; {@code newName} the target of a rename; {@code typeFrom} the first
     * token of the new type (ALTER COLUMN TYPE), else -1.
     */
    public record Action(Kind kind, int from, int to, ColumnDef column, TableConstraint constraint,
            String columnName, int columnToken, String newName, int typeFrom) {
    }

    public boolean has(Kind kind) {
        for (Action a : actions) {
            if (a.kind() == kind) {
                return true;
            }
        }
        return false;
    }
}

package io.archlens.syntax.sql;

import java.util.List;

/**
 * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] table [USING m] (cols)} and the
 * MySQL form with trailing {@code ALGORITHM=} / {@code LOCK=}. {@code indexKeyword} is the token index of INDEX;
 * {@code algorithmOrLock} when MySQL options are present. {@code columns} as written (null for expressions).
 */
public record CreateIndex(boolean unique, boolean concurrently, SqlName index, SqlName table, List<String> columns,
        int indexKeyword, boolean algorithmOrLock) {
}

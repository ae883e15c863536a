package io.archlens.syntax.sql;

import io.archlens.core.TextRange;
import java.util.List;

/**
 * One statement: its tokens (comments dropped), exact range from the first to the last token, and the
 * terminator ({@code ;} or the current DELIMITER) when present. {@code changeset} is the index of the Liquibase
 * changeset it belongs to, -1 outside Liquibase files. {@code ddl} is the structural view for CREATE TABLE,
 * ALTER TABLE and CREATE INDEX statements (null otherwise).
 */
public final class SqlStatement {
    private final int index;
    private final String source;
    private final List<SqlToken> tokens;
    private final TextRange range;
    private final TextRange terminator;
    private final int changeset;
    private Object ddl;

    SqlStatement(int index, String source, List<SqlToken> tokens, TextRange terminator, int changeset) {
        this.index = index;
        this.source = source;
        this.tokens = List.copyOf(tokens);
        this.range = new TextRange(this.tokens.get(0).start(), this.tokens.get(this.tokens.size() - 1).end());
        this.terminator = terminator;
        this.changeset = changeset;
    }

    void ddl(Object d) {
        this.ddl = d;
    }

    public int index() {
        return index;
    }

    public List<SqlToken> tokens() {
        return tokens;
    }

    public int size() {
        return tokens.size();
    }

    public SqlToken get(int i) {
        return tokens.get(i);
    }

    public TextRange range() {
        return range;
    }

    /** The {@code ;} (or custom delimiter) ending the statement, null when the file ends first. */
    public TextRange terminator() {
        return terminator;
    }

    public int changeset() {
        return changeset;
    }

    /** {@link CreateTable}, {@link AlterTable}, {@link CreateIndex} or null. */
    public Object ddl() {
        return ddl;
    }

    public String source() {
        return source;
    }

    public String text() {
        return source.substring(range.start(), range.end());
    }

    public String text(SqlToken t) {
        return source.substring(t.start(), t.end());
    }

    public String text(int fromToken, int toTokenExclusive) {
        if (toTokenExclusive <= fromToken) {
            return "";
        }
        return source.substring(tokens.get(fromToken).start(), tokens.get(toTokenExclusive - 1).end());
    }

    /** The range from token {@code from} to token {@code toExclusive - 1}. */
    public TextRange range(int from, int toExclusive) {
        int to = Math.max(from + 1, toExclusive);
        return new TextRange(tokens.get(from).start(), tokens.get(Math.min(to, tokens.size()) - 1).end());
    }

    /** The upper-case keyword at {@code i}, or null (not a word / out of range). */
    public String word(int i) {
        if (i < 0 || i >= tokens.size()) {
            return null;
        }
        SqlToken t = tokens.get(i);
        return t.type() == SqlToken.Type.WORD ? t.word() : null;
    }

    public boolean is(int i, String keyword) {
        return i >= 0 && i < tokens.size() && tokens.get(i).is(keyword);
    }

    public boolean isOp(int i, String op) {
        return i >= 0 && i < tokens.size() && tokens.get(i).isOp(op);
    }

    /** True when the keywords appear in sequence starting at token {@code i}. */
    public boolean matches(int i, String... keywords) {
        for (int k = 0; k < keywords.length; k++) {
            if (!is(i + k, keywords[k])) {
                return false;
            }
        }
        return true;
    }

    public boolean startsWith(String... keywords) {
        return matches(0, keywords);
    }

    /** First index in [from, to) of the keyword at parenthesis depth {@code depth}, or -1. */
    public int find(int from, int to, int depth, String keyword) {
        for (int i = Math.max(0, from); i < Math.min(to, tokens.size()); i++) {
            SqlToken t = tokens.get(i);
            if (t.depth() == depth && t.is(keyword)) {
                return i;
            }
        }
        return -1;
    }

    /** First index of the keyword at depth 0, or -1. */
    public int find(String keyword) {
        return find(0, tokens.size(), 0, keyword);
    }

    /** Index of the parenthesis closing the one at {@code open}, or the last token when unbalanced. */
    public int closing(int open) {
        int d = tokens.get(open).depth();
        for (int i = open + 1; i < tokens.size(); i++) {
            SqlToken t = tokens.get(i);
            if (t.depth() == d && t.isOp(")")) {
                return i;
            }
        }
        return tokens.size() - 1;
    }

    /** The identifier at {@code i} normalized (see {@link SqlName#normalize}), or null when not an identifier. */
    public String identifier(int i) {
        if (i < 0 || i >= tokens.size() || !tokens.get(i).isIdentifier()) {
            return null;
        }
        return SqlName.normalize(text(tokens.get(i)));
    }

    @Override
    public String toString() {
        return text();
    }
}

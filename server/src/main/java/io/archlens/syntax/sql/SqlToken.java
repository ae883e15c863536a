package io.archlens.syntax.sql;

import io.archlens.core.TextRange;

/**
 * One token of a statement. {@code word} is the upper-cased text of a {@link Type#WORD} (keywords and unquoted
 * identifiers) and the text of an {@link Type#OPERATOR}; null for other types. {@code depth} is the parenthesis
 * depth inside the statement (parentheses carry the depth outside them).
 */
public record SqlToken(Type type, int start, int end, int depth, String word) {
    public enum Type {
        /** Keyword or unquoted identifier. */
        WORD,
        /** {@code "ident"} or MySQL {@code `ident`}. */
        QUOTED_IDENT,
        /** {@code 'text'}, {@code E'text'}, {@code $tag$text$tag$}, {@code N'..'}, {@code X'..'}. */
        STRING,
        NUMBER,
        /** {@code $1} positional parameter. */
        PARAM,
        /** Punctuation and operators; {@code ::} is one token. */
        OPERATOR
    }

    public TextRange range() {
        return new TextRange(start, end);
    }

    /** True for the keyword (upper-case) {@code keyword}. */
    public boolean is(String keyword) {
        return type == Type.WORD && word.equals(keyword);
    }

    public boolean isOp(String op) {
        return type == Type.OPERATOR && word.equals(op);
    }

    public boolean isIdentifier() {
        return type == Type.WORD || type == Type.QUOTED_IDENT;
    }
}

package io.archlens.syntax.dockerfile;

import io.archlens.core.TextRange;

/**
 * One word of an instruction or shell command: {@code text} is its value with quotes and escapes removed
 * (variables are not expanded), {@code range} the exact source range of the word as written (quotes
 * included), {@code quoted} whether any part of it was quoted or escaped.
 */
public record Word(String text, TextRange range, boolean quoted) {
    public boolean is(String s) {
        return text.equals(s);
    }

    /** True for an option such as {@code -y} or {@code --no-cache} (an unquoted leading dash). */
    public boolean isOption() {
        return text.length() > 1 && text.charAt(0) == '-';
    }

    @Override
    public String toString() {
        return text;
    }
}

package io.archlens.syntax.dockerfile;

import java.util.List;

/** Exec-form helpers for rules and fixes. */
public final class ExecForms {
    private ExecForms() {
    }

    /**
     * The items of a bracketed list that is plainly meant as exec form but is not valid JSON
     * ({@code ['node', 'app.js']}, a trailing comma), or null when the text is not such a list.
     */
    public static List<String> loose(CharSequence text) {
        return Lex.looseArray(text, 0, text.length());
    }
}

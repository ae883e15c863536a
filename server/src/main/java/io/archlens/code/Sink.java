package io.archlens.code;

import io.archlens.core.TextRange;

/**
 * A call that interprets a string: a SQL statement ({@link Kind#SQL}) or a command line ({@link Kind#COMMAND}).
 * {@code api} is what is called ({@code JdbcTemplate.query}, {@code Runtime.exec}), {@code argument} the string's
 * range and {@code built} how it was put together; {@code shell}: the command goes through a shell.
 */
public record Sink(Kind kind, String api, TextRange call, TextRange argument, StringBuild built, boolean shell) {
    public enum Kind { SQL, COMMAND }
}

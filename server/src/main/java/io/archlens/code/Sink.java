package io.archlens.code;

import io.archlens.core.TextRange;

/**
 * A call that interprets a string: a SQL statement ({@link Kind#SQL}), a command line ({@link Kind#COMMAND}), an
 * expression language or script ({@link Kind#EXPRESSION}: SpEL, OGNL, EL, a script engine) or an LDAP search filter
 * ({@link Kind#LDAP}).
 * {@code api} is what is called ({@code JdbcTemplate.query}, {@code Runtime.exec}), {@code argument} the string's
 * range and {@code built} how it was put together; {@code shell}: the command goes through a shell.
 */
public record Sink(Kind kind, String api, TextRange call, TextRange argument, StringBuild built, boolean shell) {
    public enum Kind { SQL, COMMAND, EXPRESSION, LDAP }
}

package io.archlens.syntax.sql;

import java.util.Locale;

/** The SQL dialects the SQL rules distinguish. PostgreSQL is the default. */
public enum SqlDialect {
    POSTGRESQL, MYSQL;

    /** From a declared engine name ({@code postgres}, {@code mysql}, {@code mariadb}, {@code aurora-mysql}...). */
    public static SqlDialect fromEngine(String engine) {
        if (engine == null) {
            return null;
        }
        String e = engine.toLowerCase(Locale.ROOT);
        if (e.contains("mysql") || e.contains("maria")) {
            return MYSQL;
        }
        if (e.contains("postgres") || e.startsWith("pg") || e.contains("aurora-postgres") || e.contains("cockroach")
                || e.contains("timescale")) {
            return POSTGRESQL;
        }
        return null;
    }
}

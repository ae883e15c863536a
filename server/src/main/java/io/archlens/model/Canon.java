package io.archlens.model;

import java.util.Locale;

/**
 * Spring's relaxed binding reduced to one canonical key: lower case, without dashes and underscores inside
 * segments ({@code spring.datasource.hikari.maximum-pool-size} and {@code maximumPoolSize} both become
 * {@code spring.datasource.hikari.maximumpoolsize}); environment variables map by turning {@code _} into dots.
 */
public final class Canon {
    private Canon() {
    }

    public static String key(String key) {
        return io.archlens.syntax.spring.RelaxedNames.canonical(key);
    }

    public static String fromEnv(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '.');
    }
}

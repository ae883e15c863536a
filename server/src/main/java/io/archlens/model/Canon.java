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
        StringBuilder sb = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '-' || c == '_') {
                continue;
            }
            sb.append(Character.toLowerCase(c));
        }
        return sb.toString();
    }

    public static String fromEnv(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '.');
    }
}

package io.archlens.analysis;

import java.util.Locale;
import java.util.Optional;

/** What a finding puts at risk. */
public enum Category {
    SECURITY, RELIABILITY, PERFORMANCE, SCALABILITY, OBSERVABILITY, MAINTAINABILITY, COST;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Category> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(s.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

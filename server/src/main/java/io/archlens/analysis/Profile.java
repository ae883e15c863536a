package io.archlens.analysis;

import java.util.Locale;
import java.util.Optional;

/**
 * How much of the rule book a project runs (setting {@code profile}). Each rule belongs to the smallest profile
 * that includes it; a profile includes every rule of the profiles before it.
 * <ul>
 * <li>{@link #ESSENTIAL}: facts that break a deployment or open a hole — errors, and warnings about security;</li>
 * <li>{@link #RECOMMENDED} (the default): what a senior reviewer would raise on any project;</li>
 * <li>{@link #STRICT}: hardening and hygiene that hold on nearly every service of a typical project (dropped
 * capabilities, read-only root file systems, recommended labels...): worth a pass when hardening, noise on day
 * one.</li>
 * </ul>
 */
public enum Profile {
    ESSENTIAL, RECOMMENDED, STRICT;

    public static final Profile DEFAULT = RECOMMENDED;

    /** The name users write ({@code essential}, {@code recommended}, {@code strict}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean includes(Profile level) {
        return level.ordinal() <= ordinal();
    }

    public static Optional<Profile> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        for (Profile p : values()) {
            if (p.id().equals(s.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}

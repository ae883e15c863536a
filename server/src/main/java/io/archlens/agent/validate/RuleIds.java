package io.archlens.agent.validate;

import java.util.Locale;

/** Turns whatever rule name the model chose into a safe id {@code agent/<slug>}. */
public final class RuleIds {
    public static final String PREFIX = "agent/";
    private static final int MAX_SLUG = 60;

    private RuleIds() {
    }

    public static String sanitize(String modelRule) {
        return PREFIX + slug(modelRule);
    }

    /** The part after the last '/', lower-case, letters/digits/dashes only; "finding" when nothing is left. */
    public static String slug(String rule) {
        if (rule == null) {
            return "finding";
        }
        String r = rule.trim();
        int slash = r.lastIndexOf('/');
        if (slash >= 0) {
            r = r.substring(slash + 1);
        }
        r = r.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (r.length() > MAX_SLUG) {
            r = r.substring(0, MAX_SLUG).replaceAll("-+$", "");
        }
        return r.isEmpty() ? "finding" : r;
    }
}

package io.archlens.code;

import io.archlens.core.TextRange;
import java.util.List;

/**
 * How a string value was built, as far as one function shows: a literal or constant, concatenation,
 * a format call, a template (f-string, template literal), a builder, or a value that arrives from elsewhere
 * (a parameter, a field, a call). {@code dynamicParts} are the non-constant pieces, {@code origin} says in words
 * where the value came from ("variable 'sql' built at line 12"), null when it is the expression itself.
 */
public record StringBuild(How how, List<TextRange> dynamicParts, String origin) {

    public enum How { LITERAL, CONSTANT, CONCATENATION, FORMAT, TEMPLATE, BUILDER, PARAMETER, UNKNOWN }

    public static final StringBuild CONSTANT = new StringBuild(How.CONSTANT, List.of(), null);
    public static final StringBuild UNKNOWN = new StringBuild(How.UNKNOWN, List.of(), null);

    public StringBuild {
        dynamicParts = List.copyOf(dynamicParts);
    }

    /** Built in view from pieces of which at least one is not a constant. */
    public boolean assembledFromValues() {
        return !dynamicParts.isEmpty() && (how == How.CONCATENATION || how == How.FORMAT || how == How.TEMPLATE
                || how == How.BUILDER);
    }

    public StringBuild from(String where) {
        return new StringBuild(how, dynamicParts, origin != null ? origin : where);
    }

    public String describe() {
        String h = switch (how) {
            case CONCATENATION -> "concatenation";
            case FORMAT -> "a format call";
            case TEMPLATE -> "a template";
            case BUILDER -> "a string builder";
            case LITERAL -> "a literal";
            case CONSTANT -> "a constant";
            case PARAMETER -> "a parameter";
            case UNKNOWN -> "an unknown value";
        };
        return origin == null ? h : h + " (" + origin + ")";
    }
}

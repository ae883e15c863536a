package io.archlens.agent.validate;

import java.util.List;

/** One finding as the model wrote it, before any validation. Fields may be null. */
public record RawFinding(String rule, String category, String severity, String message, String explanation,
        Double confidence, String quote, Integer lineHint, RawFix fix) {

    /** A proposed fix: search/replace edits on the text the model saw. */
    public record RawFix(String title, List<RawEdit> edits) {
    }

    public record RawEdit(String search, String replace) {
    }
}

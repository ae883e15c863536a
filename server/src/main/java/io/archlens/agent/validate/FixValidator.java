package io.archlens.agent.validate;

import io.archlens.agent.redact.Redacted;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Fixes;
import io.archlens.analysis.SourceFile;
import io.archlens.core.TextRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the model's search/replace edits into a {@link Fix}, or rejects them. Kept only when every search
 * text occurs exactly once in the text the model saw, edits do not overlap, no edit touches or writes a
 * redaction placeholder, something actually changes, the change stays small ({@link FixLimits}: no whole-file
 * deletions or rewrites, no placeholder text, no control characters), and the result parses as well as the
 * original ({@link SyntaxCheck}, for every kind with a parser).
 * Agent fixes are always unsafe: offered one at a time, never applied by fix-all.
 */
public final class FixValidator {
    public static final int MAX_EDITS = 20;
    public static final int MAX_TITLE = 120;

    private FixValidator() {
    }

    /** The outcome: a fix, or why there is none. */
    public record Result(Fix fix, String rejected) {
        static Result no(String why) {
            return new Result(null, why);
        }
    }

    public static Result validate(SourceFile file, Redacted redacted, RawFinding.RawFix raw) {
        return validate(new SyntaxCheck.Baseline(file), file, redacted, raw);
    }

    public static Result validate(SyntaxCheck.Baseline baseline, SourceFile file, Redacted redacted,
            RawFinding.RawFix raw) {
        if (raw == null || raw.edits() == null || raw.edits().isEmpty()) {
            return Result.no("no edits");
        }
        if (raw.edits().size() > MAX_EDITS) {
            return Result.no("too many edits");
        }
        String seen = redacted.text();
        List<Edit> edits = new ArrayList<>();
        List<TextRange> ranges = new ArrayList<>();
        for (RawFinding.RawEdit e : raw.edits()) {
            String search = e.search();
            String replace = e.replace() == null ? "" : e.replace();
            if (search == null || search.isEmpty()) {
                return Result.no("an edit has no search text");
            }
            if (seen.contains("\r\n") && search.indexOf('\n') >= 0 && search.indexOf('\r') < 0) {
                search = search.replace("\n", "\r\n");
            }
            int at = seen.indexOf(search);
            if (at < 0) {
                return Result.no("search text not found");
            }
            if (seen.indexOf(search, at + 1) >= 0) {
                return Result.no("search text occurs more than once");
            }
            TextRange r = new TextRange(at, at + search.length());
            if (redacted.touchesRedaction(r) || redacted.mentionsPlaceholder(replace)) {
                return Result.no("an edit touches redacted text");
            }
            for (TextRange other : ranges) {
                if (r.start() < other.end() && other.start() < r.end()) {
                    return Result.no("edits overlap");
                }
            }
            ranges.add(r);
            edits.add(new Edit(redacted.toOriginal(r), keepLineEndings(file.text(), replace)));
        }
        edits.sort(Comparator.comparing(Edit::range));
        String fixed;
        try {
            fixed = Fixes.apply(file.text(), edits);
        } catch (IllegalArgumentException ex) {
            return Result.no("edits overlap");
        }
        if (fixed.equals(file.text())) {
            return Result.no("the edits change nothing");
        }
        String tooMuch = FixLimits.refusal(file.text(), fixed, edits);
        if (tooMuch != null) {
            return Result.no(tooMuch);
        }
        if (!SyntaxCheck.stillValid(baseline, fixed)) {
            return Result.no("the result no longer parses");
        }
        String title = raw.title() == null || raw.title().isBlank() ? "Apply the agent's suggestion"
                : ModelText.line(raw.title(), MAX_TITLE);
        return new Result(new Fix(title + " (agent)", edits, false), null);
    }

    /** In a CRLF file, replacement text uses CRLF too. */
    private static String keepLineEndings(String text, String replace) {
        if (text.contains("\r\n") && replace.indexOf('\n') >= 0) {
            return replace.replace("\r\n", "\n").replace("\n", "\r\n");
        }
        return replace;
    }
}

package io.archlens.agent.validate;

import io.archlens.agent.redact.Redacted;
import io.archlens.analysis.Category;
import io.archlens.analysis.Finding;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Severity;
import io.archlens.analysis.SourceFile;
import io.archlens.core.TextRange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Mechanically checks every finding the model returned and converts the survivors into {@link Finding}s:
 * anchored by quote (else dropped), rule id sanitised to {@code agent/<slug>}, severity and category mapped,
 * message made one line of inert text ({@link ModelText}: no images, links, HTML, control characters or terminal
 * escapes, capped), explanation sanitised ({@link MarkdownSanitizer}), low-confidence findings dropped, fixes validated. Nothing
 * the model writes is executed or trusted beyond this.
 */
public final class FindingValidator {
    public static final int MAX_MESSAGE = 300;

    private FindingValidator() {
    }

    /** Findings kept, and a note per finding or fix that was dropped (for the log). */
    public record Validated(List<Finding> findings, List<String> dropped) {
    }

    public static Validated validate(List<RawFinding> raw, SourceFile file, Redacted redacted, String agentName,
            double minConfidence) {
        List<Finding> out = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String source = "archlens/" + agentName;
        SyntaxCheck.Baseline baseline = new SyntaxCheck.Baseline(file);
        io.archlens.core.LineIndex redactedLines = io.archlens.core.LineIndex.of(redacted.text());
        for (RawFinding r : raw) {
            String message = r.message() == null ? "" : ModelText.line(r.message(), MAX_MESSAGE);
            String ruleId = RuleIds.sanitize(r.rule());
            if (message.isEmpty()) {
                dropped.add(ruleId + ": no message");
                continue;
            }
            double confidence = r.confidence() == null ? 0.5 : Math.max(0, Math.min(1, r.confidence()));
            if (confidence < minConfidence) {
                dropped.add(ruleId + ": confidence " + confidence + " below " + minConfidence);
                continue;
            }
            Optional<TextRange> at = Anchorer.anchor(redacted.text(), redactedLines, r.quote(), r.lineHint());
            if (at.isEmpty()) {
                dropped.add(ruleId + ": quote not found in the file");
                continue;
            }
            TextRange range = redacted.toOriginal(at.get());
            if (!seen.add(ruleId + "@" + range.start() + ":" + range.end())) {
                continue;
            }
            List<Fix> fixes = new ArrayList<>();
            if (r.fix() != null) {
                FixValidator.Result fr = FixValidator.validate(baseline, file, redacted, r.fix());
                if (fr.fix() != null) {
                    fixes.add(fr.fix());
                } else {
                    dropped.add(ruleId + ": fix rejected (" + fr.rejected() + ")");
                }
            }
            String explanation = MarkdownSanitizer.sanitize(r.explanation());
            String footer = "_Reported by the " + agentName + " agent (confidence "
                    + Math.round(confidence * 100) + "%). Verify before acting on it._";
            explanation = explanation.isEmpty() ? footer : explanation + "\n\n" + footer;
            out.add(new Finding(ruleId, severity(r.severity()), Category.parse(r.category()).orElse(Category.MAINTAINABILITY),
                    range, message, explanation, fixes, List.of(), Set.of(), source, confidence));
        }
        return new Validated(out, dropped);
    }

    static Severity severity(String s) {
        if (s == null) {
            return Severity.WARNING;
        }
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "critical", "high", "blocker" -> Severity.ERROR;
            case "medium", "moderate" -> Severity.WARNING;
            case "low" -> Severity.INFO;
            default -> Severity.parse(s).orElse(Severity.WARNING);
        };
    }
}

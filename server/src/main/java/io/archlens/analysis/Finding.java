package io.archlens.analysis;

import io.archlens.core.TextRange;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One problem found in one document. Both agents (the rule book and the LLM agent) produce this record; the
 * LSP layer and the CLI convert it. {@code explanation} is markdown; when null the rule's documentation page
 * is the explanation.
 */
public record Finding(
        String ruleId,
        Severity severity,
        Category category,
        TextRange range,
        String message,
        String explanation,
        List<Fix> fixes,
        List<Related> related,
        Set<Tag> tags,
        String source,
        Double confidence) {

    public static final String RULE_BOOK_SOURCE = "archlens";

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(message, "message");
        fixes = fixes == null ? List.of() : List.copyOf(fixes);
        related = related == null ? List.of() : List.copyOf(related);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        source = source == null ? RULE_BOOK_SOURCE : source;
    }

    public Finding withSeverity(Severity s) {
        return new Finding(ruleId, s, category, range, message, explanation, fixes, related, tags, source, confidence);
    }

    public Finding withRelated(List<Related> rel) {
        return new Finding(ruleId, severity, category, range, message, explanation, fixes, rel, tags, source, confidence);
    }

    public boolean fromRuleBook() {
        return RULE_BOOK_SOURCE.equals(source);
    }
}

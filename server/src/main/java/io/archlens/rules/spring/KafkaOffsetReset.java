package io.archlens.rules.spring;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.spring.SpringConfig;
import io.archlens.syntax.spring.SpringDocument;

/**
 * A Spring Kafka consumer configured ({@code spring.kafka.consumer.*}) in a document not limited to development
 * profiles, with no {@code auto-offset-reset} there or in the file's profile-independent documents: Kafka's default
 * {@code latest} makes a new consumer group, or one whose offsets expired, start after the records already in the
 * topic and skip them silently.
 */
final class KafkaOffsetReset extends SpringRule {
    static final RuleMeta META = spring("kafka-offset-reset",
            "The Kafka consumer does not say where a new group starts reading", Severity.INFO, Category.RELIABILITY);
    private static final String CONSUMER = key("spring.kafka.consumer");
    private static final String RESET = key("spring.kafka.consumer.auto-offset-reset");
    private static final String RESET_RAW = key("spring.kafka.consumer.properties.auto.offset.reset");

    KafkaOffsetReset() {
        super(META);
    }

    @Override
    public void check(SpringConfig cfg, RuleContext ctx) {
        for (SpringDocument doc : cfg.documents()) {
            if (doc.devOnly() || !doc.hasPrefix(CONSUMER) || cfg.effectiveHas(doc, RESET)
                    || cfg.effectiveHas(doc, RESET_RAW)) {
                continue;
            }
            if (!doc.unconditional() && cfg.defaultDocument() != null && cfg.defaultDocument().hasPrefix(CONSUMER)) {
                continue; // reported once, on the profile-independent document
            }
            ctx.report(doc.prefixRange(CONSUMER), "The consumer sets no auto-offset-reset, so Kafka's default "
                    + "'latest' applies: a new consumer group (a renamed group-id, a new service) or one whose offsets "
                    + "expired skips every record already in the topic. Set earliest (and make handling idempotent) "
                    + "or write latest to say it is intended");
        }
    }
}

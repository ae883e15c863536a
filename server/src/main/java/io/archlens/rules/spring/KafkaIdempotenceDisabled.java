package io.archlens.rules.spring;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.spring.SpringConfig;
import io.archlens.syntax.spring.SpringProperty;
import java.util.List;

/**
 * {@code enable.idempotence=false} on a Spring Kafka producer ({@code spring.kafka.producer.properties.*}), or
 * {@code retries=0}, in a document not limited to development profiles: retried sends write duplicates and may
 * reorder a partition, or a transient broker error drops the record.
 */
final class KafkaIdempotenceDisabled extends SpringRule {
    static final RuleMeta META = spring("kafka-idempotence-disabled",
            "The Kafka producer's idempotence or retries are turned off", Severity.WARNING, Category.RELIABILITY);
    private static final List<String> IDEMPOTENCE = List.of(key("spring.kafka.producer.properties.enable.idempotence"),
            key("spring.kafka.producer.properties[enable.idempotence]"));
    private static final List<String> RETRIES = List.of(key("spring.kafka.producer.retries"),
            key("spring.kafka.producer.properties.retries"), key("spring.kafka.producer.properties[retries]"));

    KafkaIdempotenceDisabled() {
        super(META);
    }

    @Override
    public void check(SpringConfig cfg, RuleContext ctx) {
        for (SpringProperty p : lastOutsideDev(cfg, IDEMPOTENCE)) {
            if (p.isFalse()) {
                ctx.report(p.valueRange(), "enable.idempotence=false: a send retried after a timeout is written "
                        + "twice, and with several requests in flight a partition can be reordered; keep idempotence on "
                        + "(Kafka's default with acks=all)");
            }
        }
        for (SpringProperty p : lastOutsideDev(cfg, RETRIES)) {
            if (lower(p.value()).equals("0")) {
                ctx.report(p.valueRange(), "retries=0: a leader election or a full request queue, which clear up in "
                        + "milliseconds, fails the send; keep Kafka's default retries with delivery.timeout.ms bounding "
                        + "the time");
            }
        }
    }
}

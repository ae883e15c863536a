package io.archlens.rules.spring;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.spring.SpringConfig;
import io.archlens.syntax.spring.SpringProperty;
import java.util.List;

/**
 * Spring Kafka producers set to {@code acks=0} or {@code acks=1} ({@code spring.kafka.producer.acks} or the raw
 * {@code producer.properties.acks}) in a document not limited to development profiles: a write the leader
 * acknowledges alone is lost when the leader fails before the replicas copy it (Kafka's own default is
 * {@code all}).
 */
final class KafkaProducerAcks extends SpringRule {
    static final RuleMeta META = spring("kafka-producer-acks",
            "The Kafka producer does not wait for the replicas (acks 0 or 1)", Severity.WARNING, Category.RELIABILITY);
    static final List<String> ACKS = List.of(key("spring.kafka.producer.acks"),
            key("spring.kafka.producer.properties.acks"), key("spring.kafka.producer.properties[acks]"));

    KafkaProducerAcks() {
        super(META);
    }

    @Override
    public void check(SpringConfig cfg, RuleContext ctx) {
        for (SpringProperty p : lastOutsideDev(cfg, ACKS)) {
            String v = lower(p.value());
            if (v.equals("0") || v.equals("1")) {
                ctx.report(p.valueRange(), "acks=" + v + (v.equals("0")
                        ? ": the producer does not wait for the broker at all, so failed sends go unnoticed"
                        : ": only the partition leader has the record when the send succeeds; a leader failover "
                                + "loses it") + ". Use acks=all (with min.insync.replicas=2 on the topic) unless losing "
                        + "records is acceptable");
            }
        }
    }
}

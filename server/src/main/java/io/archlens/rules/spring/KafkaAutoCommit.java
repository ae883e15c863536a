package io.archlens.rules.spring;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.spring.SpringConfig;
import io.archlens.syntax.spring.SpringDocument;
import io.archlens.syntax.spring.SpringProperty;

/**
 * {@code spring.kafka.consumer.enable-auto-commit=true} in a document not limited to development profiles: the
 * client commits offsets on a timer, before the listener has processed the records, so a crash loses them; and the
 * listener container's {@code ack-mode} (manual acknowledgement included) no longer decides anything.
 */
final class KafkaAutoCommit extends SpringRule {
    static final RuleMeta META = spring("kafka-auto-commit",
            "The Kafka consumer commits offsets before records are processed", Severity.WARNING, Category.RELIABILITY);
    private static final String AUTO_COMMIT = key("spring.kafka.consumer.enable-auto-commit");
    private static final String ACK_MODE = key("spring.kafka.listener.ack-mode");

    KafkaAutoCommit() {
        super(META);
    }

    @Override
    public void check(SpringConfig cfg, RuleContext ctx) {
        for (SpringDocument doc : cfg.documents()) {
            if (doc.devOnly()) {
                continue;
            }
            for (SpringProperty p : last(doc, AUTO_COMMIT)) {
                if (!p.isTrue()) {
                    continue;
                }
                SpringProperty ack = cfg.effective(doc, ACK_MODE);
                boolean manual = ack != null && lower(ack.value()).startsWith("manual");
                ctx.report(p.valueRange(), "enable-auto-commit=true commits offsets on a timer, before the listener "
                        + "has processed the records: a crash or a failed record loses them" + (manual
                        ? ", and ack-mode=" + ack.value().trim() + " (line " + line(ctx.file().lines(), ack.keyRange())
                                + ") is ignored: the container does not commit when the client does"
                        : "") + "; leave it false (Spring Kafka's default) and let the container commit after "
                        + "processing");
            }
        }
    }
}

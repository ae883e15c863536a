package io.archlens.rules.spring;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.spring.RelaxedNames;
import io.archlens.syntax.spring.SpringConfig;
import io.archlens.syntax.spring.SpringDocument;
import io.archlens.syntax.spring.SpringProperty;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A TLS protocol below 1.2 allowed by any {@code *.ssl.*} protocol setting: {@code server.ssl.enabled-protocols},
 * {@code server.ssl.protocol}, {@code spring.ssl.bundle.*.options.enabled-protocols},
 * {@code spring.kafka.ssl.protocol}, {@code spring.rabbitmq.ssl.algorithm}...
 */
final class WeakTls extends SpringRule {
    static final RuleMeta META = spring("weak-tls", "A TLS protocol older than TLS 1.2 is allowed",
            Severity.ERROR, Category.SECURITY);
    private static final Set<String> PROTOCOL_KEYS = Set.of("enabledprotocols", "protocol", "protocols",
            "algorithm");
    private static final Pattern WEAK = Pattern.compile("(?i)(SSLv2|SSLv3|SSL|TLSv1|TLSv1\\.0|TLSv1\\.1|TLS1\\.0|TLS1\\.1)");

    WeakTls() {
        super(META);
    }

    @Override
    public void check(SpringConfig cfg, RuleContext ctx) {
        for (SpringDocument doc : cfg.documents()) {
            if (doc.devOnly()) {
                continue;
            }
            Set<String> bases = new LinkedHashSet<>();
            for (SpringProperty p : doc.properties()) {
                String c = RelaxedNames.withoutIndices(p.canonical());
                List<String> segs = List.of(c.split("\\."));
                if (segs.size() >= 2 && segs.contains("ssl") && PROTOCOL_KEYS.contains(segs.get(segs.size() - 1))) {
                    String base = p.canonical();
                    while (base.endsWith("]")) {
                        base = base.substring(0, base.lastIndexOf('['));
                    }
                    bases.add(base);
                }
            }
            for (String base : bases) {
                for (SpringDocument.Item item : doc.list(base, ctx.text())) {
                    if (WEAK.matcher(item.value().trim()).matches()) {
                        ctx.report(item.range(), item.value().trim() + " is broken or deprecated (RFC 8996) and lets"
                                + " a network attacker downgrade connections; allow only TLSv1.2 and TLSv1.3");
                    }
                }
            }
        }
    }
}

package io.archlens.rules.spring;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.spring.SpringConfig;
import io.archlens.syntax.spring.SpringDocument;
import io.archlens.syntax.spring.SpringProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A datasource ({@code spring.datasource.url}, not an in-memory database) configured in a non-development
 * document without HikariCP {@code connection-timeout} or {@code max-lifetime}, looking in the document and in the
 * file's profile-independent documents; and either set to 0 (wait forever / never recycle).
 */
final class PoolWithoutTimeouts extends SpringRule {
    static final RuleMeta META = spring("pool-without-timeouts",
            "The connection pool has no explicit acquisition timeout or connection lifetime", Severity.WARNING,
            Category.RELIABILITY);
    private static final String URL = key("spring.datasource.url");
    private static final String CONNECTION_TIMEOUT = key("spring.datasource.hikari.connection-timeout");
    private static final String MAX_LIFETIME = key("spring.datasource.hikari.max-lifetime");

    PoolWithoutTimeouts() {
        super(META);
    }

    @Override
    public void check(SpringConfig cfg, RuleContext ctx) {
        for (SpringDocument doc : cfg.documents()) {
            if (doc.devOnly()) {
                continue;
            }
            for (String k : new String[] {CONNECTION_TIMEOUT, MAX_LIFETIME}) {
                for (SpringProperty p : last(doc, k)) {
                    if (p.value().trim().equals("0")) {
                        ctx.report(p.valueRange(), k.equals(CONNECTION_TIMEOUT)
                                ? "connection-timeout=0 makes requests wait forever for a pooled connection;"
                                        + " set a few seconds (e.g. 5000)"
                                : "max-lifetime=0 never recycles connections, so they die at the first firewall,"
                                        + " proxy or failover cut; set it below the database/proxy idle limit");
                    }
                }
            }
            SpringProperty url = doc.get(URL);
            if (url == null) {
                continue;
            }
            String u = url.value().toLowerCase(Locale.ROOT);
            if (u.startsWith("jdbc:h2:mem") || u.startsWith("jdbc:hsqldb:mem") || u.startsWith("jdbc:derby:memory")
                    || u.isBlank()) {
                continue;
            }
            List<String> missing = new ArrayList<>();
            if (!cfg.effectiveHas(doc, CONNECTION_TIMEOUT)) {
                missing.add("connection-timeout");
            }
            if (!cfg.effectiveHas(doc, MAX_LIFETIME)) {
                missing.add("max-lifetime");
            }
            if (missing.isEmpty()) {
                continue;
            }
            List<String> why = new ArrayList<>();
            if (missing.contains("connection-timeout")) {
                why.add("requests wait up to 30s (the default) for a connection when the pool is exhausted");
            }
            if (missing.contains("max-lifetime")) {
                why.add("connections live 30 min (the default), longer than many proxy and firewall idle cuts");
            }
            ctx.report(url.keyRange(), "The datasource sets no spring.datasource.hikari." + String.join(" or ", missing)
                    + ": " + String.join(" and ", why) + "; set connection-timeout to a few seconds and max-lifetime"
                    + " below the database's idle limit");
        }
    }
}

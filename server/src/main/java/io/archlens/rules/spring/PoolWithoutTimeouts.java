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
 * document without its pool's acquisition timeout (HikariCP {@code connection-timeout}, Druid and Tomcat JDBC
 * {@code max-wait}, DBCP2 {@code max-wait-millis}) or, for the pools that do not test idle connections before use
 * (HikariCP, Tomcat JDBC), a connection lifetime ({@code max-lifetime}, {@code max-age}); looking in the document
 * and in the file's profile-independent documents; and a timeout or lifetime set to 0 or less (wait forever / never
 * recycle). The pool is told by {@link Pools}.
 */
final class PoolWithoutTimeouts extends SpringRule {
    static final RuleMeta META = spring("pool-without-timeouts",
            "The connection pool has no explicit acquisition timeout or connection lifetime", Severity.WARNING,
            Category.RELIABILITY);

    PoolWithoutTimeouts() {
        super(META);
    }

    @Override
    public void check(SpringConfig cfg, RuleContext ctx) {
        for (SpringDocument doc : cfg.documents()) {
            if (doc.devOnly()) {
                continue;
            }
            Pools pool = Pools.of(cfg, doc);
            for (String k : pool.timeoutKeys()) {
                for (SpringProperty p : last(doc, k)) {
                    if (none(p)) {
                        ctx.report(p.valueRange(), pool.timeout + "=" + p.value().trim() + " makes requests wait "
                                + "forever for a pooled connection; set a few seconds (e.g. 5000)");
                    }
                }
            }
            if (pool.lifetime != null) {
                for (SpringProperty p : last(doc, pool.key(pool.lifetime))) {
                    if (none(p)) {
                        ctx.report(p.valueRange(), pool.lifetime + "=" + p.value().trim() + " never recycles "
                                + "connections, so they die at the first firewall, proxy or failover cut; set it below "
                                + "the database/proxy idle limit");
                    }
                }
            }
            SpringProperty url = Pools.url(doc);
            if (url == null || inMemory(url.value())) {
                continue;
            }
            List<String> missing = new ArrayList<>();
            List<String> why = new ArrayList<>();
            if (pool.timeoutKeys().stream().noneMatch(k -> cfg.effectiveHas(doc, k))) {
                missing.add(pool.name(pool.timeout));
                why.add("a request " + pool.timeoutDefault + " for a connection when the pool is exhausted");
            }
            if (pool.lifetime != null && !cfg.effectiveHas(doc, pool.key(pool.lifetime))) {
                missing.add(pool.name(pool.lifetime));
                why.add("connections " + pool.lifetimeDefault);
            }
            if (missing.isEmpty()) {
                continue;
            }
            ctx.report(url.keyRange(), "The datasource (" + pool.label + " pool) sets no " + String.join(" or ",
                    missing) + ": " + String.join(" and ", why) + "; set " + pool.timeout + " to a few seconds"
                    + (pool.lifetime == null ? "" : " and " + pool.lifetime + " below the database's idle limit"));
        }
    }

    static boolean inMemory(String url) {
        String u = url.trim().toLowerCase(Locale.ROOT);
        return u.isBlank() || u.startsWith("jdbc:h2:mem") || u.startsWith("jdbc:hsqldb:mem")
                || u.startsWith("jdbc:derby:memory");
    }

    private static boolean none(SpringProperty p) {
        String v = p.value().trim();
        return v.equals("0") || v.matches("-\\d+");
    }
}

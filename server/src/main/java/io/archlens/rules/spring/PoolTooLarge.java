package io.archlens.rules.spring;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.config.ProjectContext;
import io.archlens.syntax.spring.SpringConfig;
import io.archlens.syntax.spring.SpringDocument;
import io.archlens.syntax.spring.SpringProperty;

/**
 * The pool's size ({@link Pools}: HikariCP {@code maximum-pool-size}, Druid and Tomcat JDBC {@code max-active},
 * DBCP2 {@code max-total}) above {@value #MAX_POOL} per instance, or, when .archlens.yml declares
 * {@code replicas} and {@code database.max-connections}, pool size x replicas above the database limit.
 */
final class PoolTooLarge extends SpringRule {
    static final RuleMeta META = spring("pool-too-large",
            "The connection pool is larger than the database can serve", Severity.WARNING, Category.SCALABILITY);
    static final int MAX_POOL = 30;

    PoolTooLarge() {
        super(META);
    }

    @Override
    public void check(SpringConfig cfg, RuleContext ctx) {
        ProjectContext pc = ctx.project();
        for (SpringDocument doc : cfg.documents()) {
            if (doc.devOnly()) {
                continue;
            }
            Pools pool = Pools.of(cfg, doc);
            for (SpringProperty p : last(doc, pool.key(pool.size))) {
                long size;
                try {
                    size = Long.parseLong(p.value().trim());
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pc.replicas() != null && pc.databaseMaxConnections() != null) {
                    long total = size * pc.replicas();
                    if (total > pc.databaseMaxConnections()) {
                        ctx.report(p.valueRange(), pool.size + "=" + size + " x " + pc.replicas()
                                + " replicas = " + total + " connections, above the database's "
                                + pc.databaseMaxConnections() + " (.archlens.yml context); size the pool to "
                                + (pc.databaseMaxConnections() / Math.max(1, pc.replicas()))
                                + " or less per instance");
                    }
                    continue;
                }
                if (size > MAX_POOL) {
                    ctx.report(p.valueRange(), pool.size + "=" + size + " is above " + MAX_POOL
                            + " per instance: a few replicas exhaust PostgreSQL's default 100 connections and"
                            + " more connections than database cores only queue inside the database; start near"
                            + " 10 and size from measurements");
                }
            }
        }
    }
}

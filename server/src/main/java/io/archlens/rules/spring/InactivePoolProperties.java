package io.archlens.rules.spring;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.spring.SpringConfig;
import io.archlens.syntax.spring.SpringDocument;
import io.archlens.syntax.spring.SpringProperty;
import java.util.List;

/**
 * Settings of one connection pool ({@code spring.datasource.hikari.*}) while {@code spring.datasource.type} names
 * another ({@link Pools}): Spring binds only the pool in use, so the timeouts and sizes written for the other one
 * do nothing. Reported once per document, at the first such property.
 */
final class InactivePoolProperties extends SpringRule {
    static final RuleMeta META = spring("inactive-pool-properties",
            "Properties of a connection pool that is not the one in use", Severity.WARNING, Category.RELIABILITY);

    InactivePoolProperties() {
        super(META);
    }

    @Override
    public void check(SpringConfig cfg, RuleContext ctx) {
        for (SpringDocument doc : cfg.documents()) {
            Pools used = Pools.declared(cfg, doc);
            if (used == null) {
                continue;
            }
            for (Pools other : Pools.values()) {
                List<SpringProperty> props = doc.under(key(other.prefix));
                if (other == used || props.isEmpty()) {
                    continue;
                }
                ctx.report(props.get(0).keyRange(), props.size() + " " + other.prefix + ".* propert"
                        + (props.size() == 1 ? "y is" : "ies are") + " ignored: spring.datasource.type selects "
                        + used.label + ", which reads " + used.prefix + ".* (its wait is " + used.timeout
                        + ", its size " + used.size + ")");
            }
        }
    }
}

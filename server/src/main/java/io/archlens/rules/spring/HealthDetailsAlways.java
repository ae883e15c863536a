package io.archlens.rules.spring;

import io.archlens.analysis.Category;
import io.archlens.analysis.Fix;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.spring.SpringConfig;
import io.archlens.syntax.spring.SpringDocument;
import io.archlens.syntax.spring.SpringProperty;

/** {@code management.endpoint.health.show-details=always} (or show-components) outside development. */
final class HealthDetailsAlways extends SpringRule {
    static final RuleMeta META = spring("health-details-always",
            "The health endpoint shows component details to anonymous callers", Severity.WARNING,
            Category.SECURITY).withFix();
    private static final String[] KEYS = {key("management.endpoint.health.show-details"),
        key("management.endpoint.health.show-components")};

    HealthDetailsAlways() {
        super(META);
    }

    @Override
    public void check(SpringConfig cfg, RuleContext ctx) {
        for (SpringDocument doc : cfg.documents()) {
            if (doc.devOnly()) {
                continue;
            }
            for (String k : KEYS) {
                for (SpringProperty p : last(doc, k)) {
                    if (lower(p.value()).equals("always")) {
                        String name = k.endsWith("showdetails") ? "show-details" : "show-components";
                        ctx.report(p.valueRange(), "health." + name + "=always tells anyone which database, broker"
                                + " and disk the service uses and their state; use when-authorized",
                                Fix.safe("Show details only to authorized users (when-authorized)",
                                        SpringFixes.replaceValue(cfg, p, "when-authorized")));
                    }
                }
            }
        }
    }
}

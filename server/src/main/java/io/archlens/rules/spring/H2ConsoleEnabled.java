package io.archlens.rules.spring;

import io.archlens.analysis.Category;
import io.archlens.analysis.Fix;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.spring.SpringConfig;
import io.archlens.syntax.spring.SpringDocument;
import io.archlens.syntax.spring.SpringProperty;

/**
 * {@code spring.h2.console.enabled=true} outside development profiles, and
 * {@code spring.h2.console.settings.web-allow-others=true} anywhere (it opens the console to the network).
 */
final class H2ConsoleEnabled extends SpringRule {
    static final RuleMeta META = spring("h2-console-enabled",
            "The H2 web console is enabled where others can reach it", Severity.ERROR, Category.SECURITY)
            .withFix();
    private static final String ENABLED = key("spring.h2.console.enabled");
    private static final String ALLOW_OTHERS = key("spring.h2.console.settings.web-allow-others");

    H2ConsoleEnabled() {
        super(META);
    }

    @Override
    public void check(SpringConfig cfg, RuleContext ctx) {
        for (SpringDocument doc : cfg.documents()) {
            for (SpringProperty p : last(doc, ENABLED)) {
                if (p.isTrue() && !doc.devOnly()) {
                    ctx.report(p.valueRange(), "The H2 console lets anyone who reaches it run SQL and load JDBC"
                            + " drivers (remote code execution); enable it only in a dev profile",
                            Fix.unsafe("Disable the H2 console", SpringFixes.replaceValue(cfg, p, "false")));
                }
            }
            for (SpringProperty p : last(doc, ALLOW_OTHERS)) {
                if (p.isTrue()) {
                    ctx.report(p.valueRange(), "web-allow-others=true serves the H2 console to other machines, even"
                            + " in development; keep it local (false)",
                            Fix.unsafe("Set web-allow-others to false", SpringFixes.replaceValue(cfg, p, "false")));
                }
            }
        }
    }
}

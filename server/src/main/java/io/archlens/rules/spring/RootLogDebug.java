package io.archlens.rules.spring;

import io.archlens.analysis.Category;
import io.archlens.analysis.Fix;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.spring.SpringConfig;
import io.archlens.syntax.spring.SpringDocument;
import io.archlens.syntax.spring.SpringProperty;
import java.util.Set;

/** {@code logging.level.root} at DEBUG/TRACE/ALL, or {@code debug=true}/{@code trace=true}, outside development. */
final class RootLogDebug extends SpringRule {
    static final RuleMeta META = spring("root-log-debug",
            "The root logger logs at DEBUG or TRACE outside development", Severity.WARNING,
            Category.PERFORMANCE).withFix();
    private static final String ROOT = key("logging.level.root");
    private static final Set<String> VERBOSE = Set.of("debug", "trace", "all");

    RootLogDebug() {
        super(META);
    }

    @Override
    public void check(SpringConfig cfg, RuleContext ctx) {
        for (SpringDocument doc : cfg.documents()) {
            if (doc.devOnly()) {
                continue;
            }
            for (SpringProperty p : last(doc, ROOT)) {
                if (VERBOSE.contains(lower(p.value()))) {
                    ctx.report(p.valueRange(), "logging.level.root=" + p.value().trim() + " logs every library at"
                            + " " + lower(p.value()) + " level: heavy I/O, large bills and request payloads or"
                            + " credentials in logs; use INFO and raise single packages when needed",
                            Fix.unsafe("Set the root level to INFO", SpringFixes.replaceValue(cfg, p, "INFO")));
                }
            }
            for (String flag : new String[] {"debug", "trace"}) {
                for (SpringProperty p : last(doc, flag)) {
                    if (p.isTrue()) {
                        ctx.report(p.valueRange(), flag + "=true turns on " + flag + " logging for the web server,"
                                + " Hibernate and Spring itself; remove it outside development",
                                Fix.unsafe("Set " + flag + " to false", SpringFixes.replaceValue(cfg, p, "false")));
                    }
                }
            }
        }
    }
}

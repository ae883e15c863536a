package io.archlens.rules.spring;

import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.syntax.spring.SpringConfig;
import io.archlens.syntax.spring.SpringDocument;
import io.archlens.syntax.spring.SpringProperty;

/**
 * The embedded web server stops without draining requests. Reported (1) on {@code server.shutdown=immediate}
 * in any non-development document, and (2) in the base file ({@code application.yml/properties}, not a profile
 * file) when a profile-independent document configures the web server (any {@code server.*} key) while no
 * document of the file sets {@code server.shutdown} and {@code spring.main.web-application-type} is not
 * {@code none}. Datasource-only applications are not reported: graceful shutdown only concerns the web server.
 */
final class NoGracefulShutdown extends SpringRule {
    static final RuleMeta META = spring("no-graceful-shutdown",
            "The web server does not shut down gracefully", Severity.INFO, Category.RELIABILITY).withFix();
    private static final String SHUTDOWN = key("server.shutdown");
    private static final String SERVER = key("server");
    private static final String WEB_TYPE = key("spring.main.web-application-type");

    NoGracefulShutdown() {
        super(META);
    }

    @Override
    public void check(SpringConfig cfg, RuleContext ctx) {
        boolean set = false;
        boolean noWeb = false;
        for (SpringDocument doc : cfg.documents()) {
            SpringProperty web = doc.get(WEB_TYPE);
            if (web != null && lower(web.value()).equals("none")) {
                noWeb = true;
            }
            for (SpringProperty p : last(doc, SHUTDOWN)) {
                set = true;
                if (lower(p.value()).equals("immediate") && !doc.devOnly()) {
                    ctx.report(p.valueRange(), "server.shutdown=immediate drops in-flight requests on every deploy"
                            + " and scale-in; use graceful (with spring.lifecycle.timeout-per-shutdown-phase)",
                            Fix.safe("Set server.shutdown=graceful", SpringFixes.replaceValue(cfg, p, "graceful")));
                }
            }
        }
        if (set || noWeb || !cfg.isBaseFile()) {
            return;
        }
        for (SpringDocument doc : cfg.documents()) {
            if (!doc.unconditional() || !doc.hasPrefix(SERVER)) {
                continue;
            }
            String msg = "server.shutdown is not set: before Spring Boot 3.4 the server stops immediately and"
                    + " drops in-flight requests on every deploy; set server.shutdown=graceful";
            Edit add = SpringFixes.addProperty(ctx.file(), cfg, doc, "server.shutdown", "graceful");
            if (add != null) {
                ctx.report(doc.prefixRange(SERVER), msg, Fix.safe("Add server.shutdown=graceful", add));
            } else {
                ctx.report(doc.prefixRange(SERVER), msg);
            }
            return;
        }
    }
}

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
import java.util.Set;

/**
 * Session cookies without {@code Secure} or {@code HttpOnly}. Explicit {@code secure=false} or
 * {@code http-only=false} is reported in non-development documents. A missing {@code secure} is reported on the
 * first non-development document that configures {@code server.servlet.session.*} (or the reactive one),
 * unless the server terminates TLS itself ({@code server.ssl.enabled}/{@code key-store}/{@code bundle}) or trusts
 * forwarded headers ({@code server.forward-headers-strategy}): the container then marks cookies Secure on HTTPS
 * requests by itself.
 */
final class InsecureSessionCookie extends SpringRule {
    static final RuleMeta META = spring("insecure-session-cookie",
            "The session cookie is sent without Secure or HttpOnly", Severity.WARNING, Category.SECURITY)
            .withFix();
    private static final String[] SESSION = {"server.servlet.session", "server.reactive.session"};
    private static final String SSL_ENABLED = key("server.ssl.enabled");
    private static final String KEY_STORE = key("server.ssl.key-store");
    private static final String BUNDLE = key("server.ssl.bundle");
    private static final String FORWARD = key("server.forward-headers-strategy");
    private static final Set<String> TRUSTING = Set.of("native", "framework");

    InsecureSessionCookie() {
        super(META);
    }

    @Override
    public void check(SpringConfig cfg, RuleContext ctx) {
        for (String session : SESSION) {
            String secureKey = key(session + ".cookie.secure");
            String httpOnlyKey = key(session + ".cookie.http-only");
            boolean missingReported = false;
            for (SpringDocument doc : cfg.documents()) {
                if (doc.devOnly()) {
                    continue;
                }
                for (SpringProperty p : last(doc, secureKey)) {
                    if (p.isFalse()) {
                        ctx.report(p.valueRange(), "secure=false lets the browser send the session cookie over plain"
                                + " HTTP, where anyone on the path can steal the session; set it to true",
                                Fix.unsafe("Set secure to true", SpringFixes.replaceValue(cfg, p, "true")));
                    }
                }
                for (SpringProperty p : last(doc, httpOnlyKey)) {
                    if (p.isFalse()) {
                        ctx.report(p.valueRange(), "http-only=false lets any injected script read the session"
                                + " cookie; set it to true",
                                Fix.unsafe("Set http-only to true", SpringFixes.replaceValue(cfg, p, "true")));
                    }
                }
                String sessionKey = key(session);
                if (missingReported || !doc.hasPrefix(sessionKey) || cfg.effectiveHas(doc, secureKey)
                        || tlsAware(cfg, doc)) {
                    continue;
                }
                missingReported = true;
                String msg = "The session is configured but its cookie is not marked Secure (" + session
                        + ".cookie.secure); behind a TLS-terminating proxy the container cannot tell, so set it to"
                        + " true";
                Edit add = SpringFixes.addProperty(ctx.file(), cfg, doc, session + ".cookie.secure", "true");
                if (add != null) {
                    ctx.report(doc.prefixRange(sessionKey), msg, Fix.unsafe("Add " + session + ".cookie.secure=true",
                            add));
                } else {
                    ctx.report(doc.prefixRange(sessionKey), msg);
                }
            }
        }
    }

    private static boolean tlsAware(SpringConfig cfg, SpringDocument doc) {
        SpringProperty ssl = cfg.effective(doc, SSL_ENABLED);
        if (ssl != null && ssl.isTrue()) {
            return true;
        }
        if (cfg.effectiveHas(doc, KEY_STORE) || cfg.effectiveHas(doc, BUNDLE)) {
            return !(ssl != null && ssl.isFalse());
        }
        SpringProperty fwd = cfg.effective(doc, FORWARD);
        return fwd != null && TRUSTING.contains(lower(fwd.value()));
    }
}

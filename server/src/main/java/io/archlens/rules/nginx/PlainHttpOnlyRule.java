package io.archlens.rules.nginx;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.nginx.NginxArg;
import io.archlens.syntax.nginx.NginxConfig;
import io.archlens.syntax.nginx.NginxDirective;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A whole configuration (includes read) with no TLS anywhere (no {@code listen ... ssl}/{@code quic}, no
 * {@code ssl_certificate}) that serves a public domain name ({@code server_name shop.example.com}) over plain
 * HTTP. Reported once per configuration, at the first such name; it assumes nothing in front of nginx (a load
 * balancer, CDN or ingress) terminates TLS.
 */
public final class PlainHttpOnlyRule implements Rule<NginxConfig> {
    static final RuleMeta META = RuleMeta.of("nginx/plain-http-only",
            "A public site is served over plain HTTP only, with no TLS anywhere in the configuration",
            Severity.INFO, Category.SECURITY, FileKind.NGINX);
    private static final Pattern PUBLIC_NAME = Pattern.compile("(\\*\\.)?[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}");
    private static final Pattern INTERNAL = Pattern.compile(
            ".*\\.(internal|local|localdomain|lan|svc|cluster\\.local|consul|intranet|corp|home\\.arpa|test"
                    + "|example|invalid|localhost)$");

    /** RFC 2606 example domains: templates and documentation, not a site. */
    private static final Pattern RESERVED = Pattern.compile("(.*\\.)?example\\.(com|net|org)$");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(NginxConfig cfg, RuleContext ctx) {
        if (!NginxScopes.wholeConfig(cfg) || !cfg.named("ssl_certificate").isEmpty()) {
            return;
        }
        for (NginxDirective listen : cfg.named("listen")) {
            if (NginxScopes.listenIsTls(listen)) {
                return;
            }
        }
        for (NginxDirective server : cfg.named("server")) {
            if (!server.isBlock() || server.enclosing("http") == null || NginxScopes.isTls(server)) {
                continue;
            }
            NginxArg name = publicName(server);
            if (name != null) {
                ctx.report(name.range(), name.value() + " is served over plain HTTP and nothing in this"
                        + " configuration speaks TLS: logins, cookies and pages travel readable and changeable by"
                        + " anyone on the path; add a listen 443 ssl server with a certificate (and redirect port 80"
                        + " to it). This assumes no load balancer, CDN or ingress terminates TLS in front of nginx");
                return;
            }
        }
    }

    private static NginxArg publicName(NginxDirective server) {
        for (NginxDirective sn : server.children("server_name")) {
            for (NginxArg a : sn.args()) {
                String v = a.value().toLowerCase(Locale.ROOT);
                if (PUBLIC_NAME.matcher(v).matches() && !INTERNAL.matcher(v).matches()
                        && !RESERVED.matcher(v).matches()) {
                    return a;
                }
            }
        }
        return null;
    }
}

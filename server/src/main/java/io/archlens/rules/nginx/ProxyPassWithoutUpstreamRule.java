package io.archlens.rules.nginx;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.nginx.NginxConfig;
import io.archlens.syntax.nginx.NginxDirective;

/**
 * {@code proxy_pass} straight to a host name (not an upstream block): nginx cannot keep connections to it open,
 * so every request pays a new TCP (and, for https, TLS) handshake to the backend, and the name is resolved once at
 * startup. Judged where upstream blocks are visible: a whole configuration, or a conf.d file (upstreams live next
 * to their servers there). One finding per server. IP addresses, {@code localhost}, unix sockets and variables are
 * left out.
 */
public final class ProxyPassWithoutUpstreamRule implements Rule<NginxConfig> {
    static final RuleMeta META = RuleMeta.of("nginx/proxy-pass-without-upstream",
            "proxy_pass goes straight to a host name, with no upstream block and no keepalive", Severity.INFO,
            Category.PERFORMANCE, FileKind.NGINX);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(NginxConfig cfg, RuleContext ctx) {
        if (!NginxScopes.wholeConfig(cfg) && cfg.topLevel() != NginxConfig.TopLevel.HTTP) {
            return;
        }
        PerServer perServer = new PerServer();
        for (NginxDirective d : NginxScopes.httpProxyPasses(cfg)) {
            String host = NginxScopes.proxyHost(d);
            if (host == null || host.equals("localhost") || host.startsWith("[")
                    || host.chars().allMatch(c -> Character.isDigit(c) || c == '.')
                    || cfg.upstream(host) != null || d.argValue(0).contains("$")) {
                continue;
            }
            perServer.add(d, () -> ctx.report(PerServer.range(d), message(host)));
        }
        perServer.report(ctx, "This server's %d proxy_pass go straight to host names with no upstream block:"
                + " nginx opens a new connection (and TLS handshake for https) to the backend for every request, and resolves"
                + " each name once at startup; define upstream blocks with keepalive (and proxy_http_version 1.1,"
                + " proxy_set_header Connection \"\") and proxy to them", null);
    }

    private static String message(String host) {
        return "proxy_pass goes straight to " + host + " with no upstream block: nginx opens a new connection (and"
                + " TLS handshake for https) to it for every request, and resolves the name once at startup; define"
                + " upstream " + host + " { server " + host + "; keepalive 16; } (with proxy_http_version 1.1 and"
                + " proxy_set_header Connection \"\") and proxy to it";
    }
}

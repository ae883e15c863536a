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
 * {@code proxy_pass} where neither {@code proxy_connect_timeout} nor {@code proxy_read_timeout} is set at any
 * level: nobody decided how long a slow or dead backend may hold a client.
 */
public final class ProxyDefaultTimeoutsRule implements Rule<NginxConfig> {
    static final RuleMeta META = RuleMeta.of("nginx/proxy-default-timeouts",
            "proxy_pass relies on default timeouts", Severity.INFO, Category.RELIABILITY, FileKind.NGINX);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(NginxConfig cfg, RuleContext ctx) {
        PerServer serverWide = new PerServer();
        for (NginxDirective d : NginxScopes.httpProxyPasses(cfg)) {
            NginxDirective block = d.parent();
            if (block == null || block.isRoot() || NginxScopes.unknownInChain(block, cfg)
                    || NginxScopes.effective(block, "proxy_connect_timeout") != null
                    || NginxScopes.effective(block, "proxy_read_timeout") != null) {
                continue;
            }
            serverWide.add(d, () -> ctx.report(PerServer.range(d), "No proxy timeouts decided for this"
                    + " proxy_pass: nginx waits 60s to connect and 60s between reads, so a dead backend holds"
                    + " clients and workers for a minute; set proxy_connect_timeout (e.g. 5s) and proxy_read_timeout"
                    + " to the backend's real latency budget"));
        }
        serverWide.report(ctx, "No proxy timeouts decided for any of the %d proxy_pass of this server: nginx waits"
                + " 60s to connect and 60s between reads, so a dead backend holds clients and workers for a minute;"
                + " set proxy_connect_timeout (e.g. 5s) and proxy_read_timeout once in the server block, to the"
                + " backends' real latency budget", null);
    }
}

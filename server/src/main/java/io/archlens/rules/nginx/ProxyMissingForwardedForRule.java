package io.archlens.rules.nginx;

import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.nginx.NginxConfig;
import io.archlens.syntax.nginx.NginxDirective;

/**
 * {@code proxy_pass} to an internal backend without {@code X-Forwarded-For} (or {@code Forwarded}): the backend
 * sees every request as coming from nginx, which breaks rate limits, audit logs and geo rules.
 */
public final class ProxyMissingForwardedForRule implements Rule<NginxConfig> {
    static final RuleMeta META = RuleMeta.of("nginx/proxy-missing-forwarded-for",
            "proxy_pass without X-Forwarded-For", Severity.WARNING, Category.OBSERVABILITY, FileKind.NGINX)
            .withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(NginxConfig cfg, RuleContext ctx) {
        NginxEdits edits = null;
        PerServer serverWide = new PerServer();
        for (NginxDirective d : NginxScopes.httpProxyPasses(cfg)) {
            NginxDirective block = d.parent();
            if (block == null || block.isRoot() || !NginxScopes.internalTarget(d, cfg)) {
                continue;
            }
            NginxScopes.ProxyHeaders ph = NginxScopes.proxyHeaders(block, cfg);
            if (ph.unknown() || ph.has("x-forwarded-for") || ph.has("forwarded")) {
                continue;
            }
            if (edits == null) {
                edits = new NginxEdits(ctx.text(), ctx.file().lines());
            }
            NginxEdits.Batch batch = new NginxEdits.Batch(edits);
            batch.proxyHeader(d, ph, "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;");
            NginxDirective overridden = NginxScopes.overriddenLevelWith(ph.level(), "X-Forwarded-For");
            String why = overridden != null ? " (the proxy_set_header list in " + NginxScopes.describe(ph.level())
                    + " replaces the one in " + NginxScopes.describe(overridden) + " that set it)" : "";
            Fix fix = Fix.safe("Add proxy_set_header X-Forwarded-For", batch.build().toArray(new Edit[0]));
            Runnable single = () -> ctx.report(PerServer.range(d), "X-Forwarded-For is not sent" + why
                    + ", so the backend sees nginx as the client of every request (rate limits, audit logs and"
                    + " geo rules break); add proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;", fix);
            if (ph.level() == null) {
                serverWide.add(d, single);
            } else {
                single.run();
            }
        }
        serverWide.report(ctx, "X-Forwarded-For is not sent by any of the %d proxy_pass of this server (none of its"
                + " levels sets it), so the backends see nginx as the client of every request (rate limits, audit"
                + " logs and geo rules break); add proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;"
                + " once in the server block", "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;");
    }
}

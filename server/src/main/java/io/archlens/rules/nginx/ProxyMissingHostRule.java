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
 * {@code proxy_pass} to an internal backend without {@code proxy_set_header Host}: nginx then sends the
 * upstream's name ({@code $proxy_host}) as Host, and the backend builds redirects and absolute URLs for the
 * wrong host. Public targets (an external API with its own virtual host) are not reported.
 */
public final class ProxyMissingHostRule implements Rule<NginxConfig> {
    static final RuleMeta META = RuleMeta.of("nginx/proxy-missing-host",
            "proxy_pass without proxy_set_header Host", Severity.WARNING, Category.RELIABILITY, FileKind.NGINX)
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
            if (ph.unknown() || ph.has("host")) {
                continue;
            }
            if (edits == null) {
                edits = new NginxEdits(ctx.text(), ctx.file().lines());
            }
            NginxEdits.Batch batch = new NginxEdits.Batch(edits);
            batch.proxyHeader(d, ph, "proxy_set_header Host $host;");
            NginxDirective overridden = NginxScopes.overriddenLevelWith(ph.level(), "Host");
            String why = overridden != null ? "the proxy_set_header list in " + NginxScopes.describe(ph.level())
                    + " replaces the one in " + NginxScopes.describe(overridden) + " that set Host, so"
                    : "without proxy_set_header Host";
            Fix fix = Fix.unsafe("Add proxy_set_header Host $host;", batch.build().toArray(new Edit[0]));
            Runnable single = () -> ctx.report(PerServer.range(d), "Host is not forwarded: " + why
                    + " nginx sends the upstream name as Host and the backend builds redirects and links for the"
                    + " wrong host; add proxy_set_header Host $host;", fix);
            if (ph.level() == null) {
                serverWide.add(d, single);
            } else {
                single.run();
            }
        }
        serverWide.report(ctx, "Host is not forwarded by any of the %d proxy_pass of this server (none of its levels"
                + " sets proxy_set_header Host): nginx sends the upstream name as Host and the backends build"
                + " redirects and links for the wrong host; add proxy_set_header Host $host; once in the server"
                + " block", "proxy_set_header Host $host;");
    }
}

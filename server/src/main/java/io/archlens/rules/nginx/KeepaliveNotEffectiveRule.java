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
 * {@code proxy_pass} to an upstream that has {@code keepalive} while the location still speaks HTTP/1.0 or
 * forwards {@code Connection: close}: the idle-connection cache is never used.
 */
public final class KeepaliveNotEffectiveRule implements Rule<NginxConfig> {
    static final RuleMeta META = RuleMeta.of("nginx/keepalive-not-effective",
            "Upstream keepalive is configured but never used", Severity.WARNING, Category.PERFORMANCE, FileKind.NGINX)
            .withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(NginxConfig cfg, RuleContext ctx) {
        NginxEdits edits = null;
        for (NginxDirective p : NginxScopes.httpProxyPasses(cfg)) {
            NginxDirective u = NginxScopes.upstreamOf(p, cfg);
            if (u == null || !u.has("keepalive")) {
                continue;
            }
            if (edits == null) {
                edits = new NginxEdits(ctx.text(), ctx.file().lines());
            }
            NginxEdits.Batch batch = new NginxEdits.Batch(edits);
            String missing = KeepaliveSupport.addMissing(p, cfg, batch);
            if (missing.isEmpty()) {
                continue;
            }
            ctx.report(p.arg(0).range(), "upstream " + u.argValue(0) + " keeps idle connections, but this location"
                    + " lacks " + missing + ", so nginx still closes the backend connection after each request;"
                    + " add them", Fix.safe("Add " + missing, batch.build().toArray(new Edit[0])));
        }
    }
}

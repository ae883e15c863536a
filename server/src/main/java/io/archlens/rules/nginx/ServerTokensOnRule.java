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

/** {@code server_tokens on|build} advertises the exact nginx version. */
public final class ServerTokensOnRule implements Rule<NginxConfig> {
    static final RuleMeta META = RuleMeta.of("nginx/server-tokens-on", "server_tokens exposes the nginx version",
            Severity.WARNING, Category.SECURITY, FileKind.NGINX).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(NginxConfig cfg, RuleContext ctx) {
        for (NginxDirective d : cfg.named("server_tokens")) {
            String v = d.argValueLower(0);
            if ("on".equals(v) || "build".equals(v)) {
                ctx.report(d.arg(0).range(), "server_tokens " + v + " puts the nginx version in every Server header"
                        + " and error page, telling attackers which CVEs to try; set server_tokens off",
                        Fix.safe("Set server_tokens off", Edit.replace(d.arg(0).range(), "off")));
            }
        }
    }
}

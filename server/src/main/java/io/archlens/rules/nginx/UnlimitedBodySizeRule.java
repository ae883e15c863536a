package io.archlens.rules.nginx;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.nginx.NginxConfig;
import io.archlens.syntax.nginx.NginxDirective;
import java.util.regex.Pattern;

/** {@code client_max_body_size 0} removes the request body limit. */
public final class UnlimitedBodySizeRule implements Rule<NginxConfig> {
    static final RuleMeta META = RuleMeta.of("nginx/unlimited-body-size", "client_max_body_size 0 disables the"
            + " request body limit", Severity.WARNING, Category.RELIABILITY, FileKind.NGINX);
    private static final Pattern ZERO = Pattern.compile("0+[kKmMgG]?");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(NginxConfig cfg, RuleContext ctx) {
        for (NginxDirective d : cfg.named("client_max_body_size")) {
            String v = d.argValue(0);
            if (v != null && ZERO.matcher(v).matches()) {
                ctx.report(d.arg(0).range(), "client_max_body_size 0 accepts request bodies of any size: one client"
                        + " can fill the disk (request buffering) or tie up the backend; set the largest size you"
                        + " really accept, e.g. 25m");
            }
        }
    }
}

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

/** {@code valid_referers none}: a request without a Referer passes, and any page can send one without it. */
public final class ValidReferersNoneRule implements Rule<NginxConfig> {
    static final RuleMeta META = RuleMeta.of("nginx/valid-referers-none",
            "valid_referers accepts requests without a Referer", Severity.WARNING, Category.SECURITY,
            FileKind.NGINX);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(NginxConfig cfg, RuleContext ctx) {
        for (NginxDirective d : cfg.named("valid_referers")) {
            for (NginxArg a : d.args()) {
                if (a.value().equals("none")) {
                    ctx.report(a.range(), "valid_referers none lets through every request without a Referer, and"
                            + " any site can send one without it (Referrer-Policy: no-referrer), so the check stops"
                            + " nothing; drop none, or protect the resource with a token instead of the Referer");
                }
            }
        }
    }
}

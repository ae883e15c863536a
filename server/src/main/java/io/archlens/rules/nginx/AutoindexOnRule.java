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

/** {@code autoindex on} lists directory contents to anyone. */
public final class AutoindexOnRule implements Rule<NginxConfig> {
    static final RuleMeta META = RuleMeta.of("nginx/autoindex-on", "Directory listing is enabled",
            Severity.WARNING, Category.SECURITY, FileKind.NGINX).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(NginxConfig cfg, RuleContext ctx) {
        for (NginxDirective d : cfg.named("autoindex")) {
            if ("on".equals(d.argValueLower(0))) {
                ctx.report(d.arg(0).range(), "autoindex on lists every file in the directory (backups, .env files,"
                        + " source maps) to anyone who asks; set autoindex off and link files explicitly",
                        Fix.unsafe("Set autoindex off", Edit.replace(d.arg(0).range(), "off")));
            }
        }
    }
}

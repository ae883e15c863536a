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

/** {@code error_log off} does not disable the error log: it writes to a file named "off". */
public final class ErrorLogOffRule implements Rule<NginxConfig> {
    static final RuleMeta META = RuleMeta.of("nginx/error-log-off",
            "error_log off writes to a file named \"off\"", Severity.ERROR, Category.OBSERVABILITY, FileKind.NGINX)
            .withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(NginxConfig cfg, RuleContext ctx) {
        for (NginxDirective d : cfg.named("error_log")) {
            if (!"off".equals(d.argValueLower(0)) || d.arg(0).quoted()) {
                continue;
            }
            String replacement = d.argCount() == 1 ? "/dev/null crit" : "/dev/null";
            ctx.report(d.arg(0).range(), "error_log off is not a switch: nginx logs errors to a file named 'off'"
                    + " that grows unseen; keep errors (e.g. error_log stderr warn;) or discard them with /dev/null",
                    Fix.safe("Discard errors with /dev/null", Edit.replace(d.arg(0).range(), replacement)));
        }
    }
}

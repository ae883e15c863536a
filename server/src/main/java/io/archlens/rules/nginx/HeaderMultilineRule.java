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

/**
 * A header value written over several lines ({@code add_header}, headers-more's {@code more_set_headers}):
 * nginx sends the line breaks as they are, an obsolete folded header (RFC 9112) that browsers and proxies
 * reject, truncate or read differently. The values of {@code -t}/{@code -s} options are not headers.
 */
public final class HeaderMultilineRule implements Rule<NginxConfig> {
    static final RuleMeta META = RuleMeta.of("nginx/header-multiline",
            "A response header value spans several lines", Severity.WARNING, Category.RELIABILITY, FileKind.NGINX);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(NginxConfig cfg, RuleContext ctx) {
        for (NginxDirective d : cfg.all()) {
            if (d.is("add_header") || d.is("proxy_set_header")) {
                report(d.arg(1), ctx);
            } else if (d.is("more_set_headers") || d.is("more_set_input_headers")) {
                for (int i = 0; i < d.argCount(); i++) {
                    String v = d.argValue(i);
                    if (v.equals("-t") || v.equals("-s")) {
                        i++;
                    } else if (!v.startsWith("-")) {
                        report(d.arg(i), ctx);
                    }
                }
            }
        }
    }

    private static void report(NginxArg a, RuleContext ctx) {
        if (a != null && (a.value().indexOf('\n') >= 0 || a.value().indexOf('\r') >= 0)) {
            ctx.report(a.range(), "This header value spans several lines: nginx sends the line breaks as a folded"
                    + " header, which HTTP/1.1 clients and proxies reject or cut short; write it on one line");
        }
    }
}

package io.archlens.rules.nginx;

import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.nginx.NginxArg;
import io.archlens.syntax.nginx.NginxConfig;
import io.archlens.syntax.nginx.NginxDirective;
import java.util.Set;

/**
 * {@code $http_host} where {@code $host} belongs. Conditions ({@code if}, {@code map} sources), log formats and
 * {@code proxy_pass} (see nginx/proxy-pass-ssrf) are left alone.
 */
public final class HttpHostVariableRule implements Rule<NginxConfig> {
    static final RuleMeta META = RuleMeta.of("nginx/http-host-variable", "$http_host used instead of $host",
            Severity.WARNING, Category.SECURITY, FileKind.NGINX).withFix();
    private static final Set<String> SKIP = Set.of("if", "map", "log_format", "proxy_pass", "valid_referers");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(NginxConfig cfg, RuleContext ctx) {
        for (NginxDirective d : cfg.all()) {
            if (SKIP.contains(d.name()) || d.parent() != null && d.parent().is("map")) {
                continue;
            }
            if (d.is("proxy_set_header") && d.arg(0) != null && d.arg(0).value().equalsIgnoreCase("host")
                    && d.arg(1) != null) {
                for (NginxArg.Variable v : d.arg(1).variables()) {
                    String n = v.name();
                    if (n.startsWith("arg_") || n.startsWith("cookie_") || n.startsWith("http_") && !n.equals("http_host")) {
                        ctx.report(v.range(), "The Host header sent to the backend comes from $" + n + ", which the"
                                + " client sets freely: the backend builds links, redirects and password-reset URLs"
                                + " for any host the client names; send $host or a fixed name");
                    }
                }
            }
            for (NginxArg a : d.args()) {
                if (a.raw().indexOf("$http_host") < 0 && a.raw().indexOf("${http_host}") < 0) {
                    continue;
                }
                for (NginxArg.Variable v : a.variables()) {
                    if (!v.name().equals("http_host")) {
                        continue;
                    }
                    ctx.report(v.range(), "$http_host is the raw client Host header (any value, may carry a port or be"
                            + " empty); use $host, which nginx normalises and falls back to server_name",
                            Fix.safe("Use $host", Edit.replace(v.range(), v.braced() ? "${host}" : "$host")));
                }
            }
        }
    }
}

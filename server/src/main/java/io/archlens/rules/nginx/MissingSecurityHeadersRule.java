package io.archlens.rules.nginx;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.nginx.NginxConfig;
import io.archlens.syntax.nginx.NginxDirective;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A server that serves files (a {@code root} in effect and a location that neither proxies nor returns) without
 * the browser security headers in effect at server level, after includes are followed: X-Content-Type-Options,
 * X-Frame-Options (or a Content-Security-Policy with frame-ancestors), Content-Security-Policy, Referrer-Policy.
 * {@code add_header} and headers-more's {@code more_set_headers} count. One finding per server, naming what is
 * missing. Servers with an include we cannot read are skipped.
 */
public final class MissingSecurityHeadersRule implements Rule<NginxConfig> {
    static final RuleMeta META = RuleMeta.of("nginx/missing-security-headers",
            "A server that serves pages sends no browser security headers", Severity.INFO, Category.SECURITY,
            FileKind.NGINX);
    private static final Set<String> PASSES = Set.of("proxy_pass", "fastcgi_pass", "uwsgi_pass", "grpc_pass",
            "scgi_pass", "return", "memcached_pass");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(NginxConfig cfg, RuleContext ctx) {
        for (NginxDirective server : cfg.named("server")) {
            if (!server.isBlock() || server.enclosing("http") == null && cfg.topLevel() != NginxConfig.TopLevel.HTTP
                    || server.has("return") || NginxScopes.unknownInChain(server, cfg)
                    || NginxScopes.effective(server, "root") == null || !servesFiles(server)) {
                continue;
            }
            Set<String> sent = headers(server);
            List<String> missing = new ArrayList<>();
            if (!sent.contains("x-content-type-options")) {
                missing.add("X-Content-Type-Options: nosniff (browsers sniff content types)");
            }
            if (!sent.contains("x-frame-options") && !sent.contains("csp-frame-ancestors")) {
                missing.add("X-Frame-Options: DENY or CSP frame-ancestors (any site can frame the pages: clickjacking)");
            }
            if (!sent.contains("content-security-policy")) {
                missing.add("Content-Security-Policy (injected scripts run)");
            }
            if (!sent.contains("referrer-policy")) {
                missing.add("Referrer-Policy: strict-origin-when-cross-origin (full URLs leak to other sites)");
            }
            if (!missing.isEmpty()) {
                ctx.report(server.nameRange(), "This server serves pages without " + String.join("; ", missing)
                        + ". Add them with add_header ... always at server level (or in a snippet every server"
                        + " includes)");
            }
        }
    }

    /** True when some location (or the server itself, without locations) serves files rather than proxying. */
    private static boolean servesFiles(NginxDirective server) {
        List<NginxDirective> locations = server.children("location");
        if (locations.isEmpty()) {
            return true;
        }
        for (NginxDirective loc : locations) {
            boolean passes = false;
            for (NginxDirective d : loc.children()) {
                passes |= PASSES.contains(d.name());
            }
            String path = loc.argValue(0);
            if (!passes && path != null && !path.startsWith("@")) {
                return true;
            }
        }
        return false;
    }

    /** The response header names in effect at server level (lower case; "csp-frame-ancestors" when a CSP has it). */
    private static Set<String> headers(NginxDirective server) {
        Set<String> out = new HashSet<>();
        NginxDirective level = NginxScopes.levelWith(server, "add_header");
        if (level != null) {
            for (NginxDirective h : level.children("add_header")) {
                String name = NginxScopes.headerName(h);
                out.add(name);
                if ("content-security-policy".equals(name) && h.argValueLower(1) != null
                        && h.argValueLower(1).contains("frame-ancestors")) {
                    out.add("csp-frame-ancestors");
                }
            }
        }
        for (NginxDirective b = server; b != null; b = b.parent()) {
            for (NginxDirective m : b.children("more_set_headers")) {
                for (int i = 0; i < m.argCount(); i++) {
                    String v = m.argValue(i).toLowerCase(Locale.ROOT);
                    int colon = v.indexOf(':');
                    if (colon > 0 && !v.startsWith("-")) {
                        out.add(v.substring(0, colon).trim());
                        if (v.contains("frame-ancestors")) {
                            out.add("csp-frame-ancestors");
                        }
                    }
                }
            }
        }
        return out;
    }
}

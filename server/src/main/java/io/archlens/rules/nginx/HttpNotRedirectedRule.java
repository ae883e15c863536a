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
import java.util.List;

/**
 * A server that explicitly listens on port 80 without TLS and serves content, in a file that also serves
 * HTTPS. A server counts as redirecting (or refusing) when it has a server-level {@code return}, a
 * server-level {@code rewrite} to {@code https://}, an {@code if} at server level that returns, or a
 * {@code location /} that returns.
 */
public final class HttpNotRedirectedRule implements Rule<NginxConfig> {
    static final RuleMeta META = RuleMeta.of("nginx/http-not-redirected",
            "Plain HTTP is served next to HTTPS without a redirect", Severity.WARNING, Category.SECURITY,
            FileKind.NGINX).withFix();
    static final String REDIRECT = "return 301 https://$host$request_uri;";

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(NginxConfig cfg, RuleContext ctx) {
        List<NginxDirective> servers = cfg.named("server").stream()
                .filter(s -> s.isBlock() && s.enclosing("stream") == null && s.enclosing("mail") == null
                        && !s.parent().is("upstream"))
                .toList();
        if (servers.stream().noneMatch(NginxScopes::isTls)) {
            return;
        }
        NginxEdits edits = null;
        for (NginxDirective s : servers) {
            NginxDirective plain80 = null;
            for (NginxDirective l : s.children("listen")) {
                if (NginxScopes.listenPort(l) == 80 && !NginxScopes.listenIsTls(l)) {
                    plain80 = l;
                    break;
                }
            }
            if (plain80 == null || redirects(s)) {
                continue;
            }
            boolean alsoTls = NginxScopes.isTls(s);
            String msg = alsoTls
                    ? "This server answers on port 80 as well as HTTPS without redirecting: pages and cookies also"
                            + " travel unencrypted; move port 80 to its own server with " + REDIRECT
                    : "This port-80 server serves content while the file also serves HTTPS: requests and cookies"
                            + " travel unencrypted; redirect with " + REDIRECT;
            if (alsoTls) {
                ctx.report(plain80.arg(0).range(), msg);
                continue;
            }
            NginxDirective anchor = null;
            for (NginxDirective c : s.children()) {
                if (c.is("listen") || c.is("server_name")) {
                    anchor = c;
                }
            }
            if (edits == null) {
                edits = new NginxEdits(ctx.text(), ctx.file().lines());
            }
            Edit edit = edits.insertAfter(anchor, List.of(REDIRECT));
            ctx.report(plain80.arg(0).range(), msg, Fix.unsafe("Redirect all plain HTTP requests to HTTPS", edit));
        }
    }

    private static boolean redirects(NginxDirective server) {
        if (server.has("return")) {
            return true;
        }
        for (NginxDirective r : server.children("rewrite")) {
            String target = r.argValue(1);
            if (target != null && (target.startsWith("https://") || target.startsWith("$scheme"))) {
                return true;
            }
        }
        for (NginxDirective i : server.children("if")) {
            if (i.has("return") || i.has("rewrite")) {
                return true;
            }
        }
        for (NginxDirective loc : server.children("location")) {
            if (loc.argCount() == 1 && "/".equals(loc.argValue(0)) && (loc.has("return") || loc.has("rewrite"))) {
                return true;
            }
        }
        return false;
    }
}

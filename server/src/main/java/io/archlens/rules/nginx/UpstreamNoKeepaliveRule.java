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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An http {@code upstream} without {@code keepalive}: every proxied request opens (and closes) a backend
 * connection. The fix adds {@code keepalive 32;} and, in each location of this file that proxies to the
 * upstream, the {@code proxy_http_version 1.1} and empty {@code Connection} header keep-alive needs.
 */
public final class UpstreamNoKeepaliveRule implements Rule<NginxConfig> {
    static final RuleMeta META = RuleMeta.of("nginx/upstream-no-keepalive", "upstream without keepalive",
            Severity.WARNING, Category.PERFORMANCE, FileKind.NGINX).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(NginxConfig cfg, RuleContext ctx) {
        NginxEdits edits = null;
        Map<NginxDirective, List<NginxDirective>> users = null;
        for (NginxDirective u : cfg.named("upstream")) {
            if (!u.isBlock() || u.arg(0) == null || u.enclosing("stream") != null || u.has("keepalive")
                    || NginxScopes.hasUnknownInclude(u)) {
                continue;
            }
            if (edits == null) {
                edits = new NginxEdits(ctx.text(), ctx.file().lines());
            }
            NginxEdits.Batch batch = new NginxEdits.Batch(edits);
            batch.last(u, "keepalive 32;");
            if (users == null) {
                users = new HashMap<>();
                for (NginxDirective p : NginxScopes.httpProxyPasses(cfg)) {
                    NginxDirective target = NginxScopes.upstreamOf(p, cfg);
                    if (target != null) {
                        users.computeIfAbsent(target, k -> new ArrayList<>()).add(p);
                    }
                }
            }
            for (NginxDirective p : users.getOrDefault(u, List.of())) {
                KeepaliveSupport.addMissing(p, cfg, batch);
            }
            String msg = "upstream " + u.argValue(0) + " has no keepalive: nginx opens a new backend connection for"
                    + " every request (extra latency, TIME_WAIT and port exhaustion under load); add keepalive 32;"
                    + " plus proxy_http_version 1.1 and proxy_set_header Connection \"\" where it is used";
            List<Edit> list = batch.build();
            if (list.isEmpty()) {
                ctx.report(u.arg(0).range(), msg);
            } else {
                ctx.report(u.arg(0).range(), msg, Fix.safe("Enable upstream keep-alive", list.toArray(new Edit[0])));
            }
        }
    }
}

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
import java.util.regex.Pattern;

/** {@code worker_connections} below 1024. */
public final class LowWorkerConnectionsRule implements Rule<NginxConfig> {
    static final RuleMeta META = RuleMeta.of("nginx/low-worker-connections",
            "worker_connections is too low for a proxy", Severity.WARNING, Category.SCALABILITY, FileKind.NGINX)
            .withFix();
    static final int MIN = 1024;
    private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(NginxConfig cfg, RuleContext ctx) {
        for (NginxDirective d : cfg.named("worker_connections")) {
            String v = d.argValue(0);
            if (v == null || !NUMBER.matcher(v).matches()) {
                continue;
            }
            int n = Integer.parseInt(v);
            if (n < MIN) {
                ctx.report(d.arg(0).range(), "worker_connections " + n + " caps each worker at " + n + " open"
                        + " connections, and a proxied request holds two (client and upstream), so about " + (n / 2)
                        + " concurrent requests per worker; raise it to at least " + MIN
                        + " (with worker_rlimit_nofile to match)",
                        Fix.unsafe("Raise worker_connections to " + MIN, Edit.replace(d.arg(0).range(),
                                String.valueOf(MIN))));
            }
        }
    }
}

package io.archlens.rules.nginx;

import io.archlens.analysis.Category;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.nginx.NginxArg;
import io.archlens.syntax.nginx.NginxConfig;
import io.archlens.syntax.nginx.NginxDirective;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code ssl_protocols} that still allow SSLv2/SSLv3/TLSv1/TLSv1.1. */
public final class WeakSslProtocolsRule implements Rule<NginxConfig> {
    static final RuleMeta META = RuleMeta.of("nginx/weak-ssl-protocols",
            "ssl_protocols allows SSL or TLS 1.0/1.1", Severity.ERROR, Category.SECURITY, FileKind.NGINX).withFix();
    private static final Set<String> WEAK = Set.of("SSLv2", "SSLv3", "TLSv1", "TLSv1.1");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(NginxConfig cfg, RuleContext ctx) {
        for (NginxDirective d : cfg.named("ssl_protocols")) {
            List<String> weak = new ArrayList<>();
            TextRange range = null;
            for (NginxArg a : d.args()) {
                if (WEAK.contains(a.value())) {
                    weak.add(a.value());
                    range = range == null ? a.range() : range.union(a.range());
                }
            }
            if (range == null) {
                continue;
            }
            ctx.report(range, "ssl_protocols allows " + String.join(", ", weak) + " (deprecated by RFC 8996,"
                    + " open to downgrade attacks such as POODLE and BEAST); allow only TLSv1.2 TLSv1.3",
                    Fix.unsafe("Allow only TLSv1.2 TLSv1.3 (drops very old clients)",
                            Edit.replace(d.argsRange(), "TLSv1.2 TLSv1.3")));
        }
    }
}

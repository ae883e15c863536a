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
 * An {@code http} block without {@code server_tokens}: the default is {@code on}. Only files that contain the
 * {@code http} block are judged; conf.d and snippet files run inside an {@code http} block this rule cannot
 * see, which is where the setting belongs.
 */
public final class ServerTokensMissingRule implements Rule<NginxConfig> {
    static final RuleMeta META = RuleMeta.of("nginx/server-tokens-missing",
            "server_tokens is not set, so nginx advertises its version", Severity.WARNING, Category.SECURITY,
            FileKind.NGINX).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(NginxConfig cfg, RuleContext ctx) {
        for (NginxDirective http : cfg.named("http")) {
            if (!http.isBlock() || http.has("server_tokens") || NginxScopes.hasUnknownInclude(http)) {
                continue;
            }
            List<NginxDirective> servers = http.children("server");
            if (!servers.isEmpty() && servers.stream().allMatch(s -> s.has("server_tokens"))) {
                continue;
            }
            Edit edit = new NginxEdits(ctx.text(), ctx.file().lines()).insertFirst(http,
                    List.of("server_tokens off;"));
            String msg = "No server_tokens in this http block: nginx defaults to on and sends its version with every"
                    + " response; add server_tokens off;";
            if (edit == null) {
                ctx.report(http.nameRange(), msg);
            } else {
                ctx.report(http.nameRange(), msg, Fix.safe("Add server_tokens off;", edit));
            }
        }
    }
}

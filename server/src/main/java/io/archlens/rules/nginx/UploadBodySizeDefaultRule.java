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
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An upload-looking location (path mentions upload, import, attachment, avatar, media or files) that passes
 * requests to a backend while no {@code client_max_body_size} is set at any level: nginx's 1 MB default
 * rejects larger uploads with 413 before the backend sees them.
 */
public final class UploadBodySizeDefaultRule implements Rule<NginxConfig> {
    static final RuleMeta META = RuleMeta.of("nginx/upload-body-size-default",
            "Upload location limited to the default 1 MB body size", Severity.INFO, Category.RELIABILITY,
            FileKind.NGINX).withFix();
    private static final Pattern UPLOAD = Pattern.compile(
            "(?i)(upload|import|attachment|avatar|/media(/|$)|/files?(/|$))");
    private static final Set<String> PASSES = Set.of("proxy_pass", "fastcgi_pass", "uwsgi_pass", "grpc_pass",
            "scgi_pass");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(NginxConfig cfg, RuleContext ctx) {
        NginxEdits edits = null;
        for (NginxDirective loc : cfg.named("location")) {
            NginxArg path = loc.arg(loc.argCount() - 1);
            if (path == null || !loc.isBlock() || NginxScopes.notHttp(loc) || !UPLOAD.matcher(path.value()).find() || !passes(loc)
                    || NginxScopes.effective(loc, "client_max_body_size") != null || hasNestedLimit(loc)
                    || NginxScopes.unknownInChain(loc, cfg)) {
                continue;
            }
            if (edits == null) {
                edits = new NginxEdits(ctx.text(), ctx.file().lines());
            }
            Edit edit = edits.insertFirst(loc,
                    List.of("client_max_body_size 20m;"));
            String msg = "This upload location keeps nginx's default client_max_body_size of 1 MB: larger uploads fail"
                    + " with 413 before reaching the backend; set client_max_body_size to the largest file you accept";
            if (edit == null) {
                ctx.report(path.range(), msg);
            } else {
                ctx.report(path.range(), msg, Fix.unsafe("Allow uploads up to 20 MB", edit));
            }
        }
    }

    private static boolean passes(NginxDirective loc) {
        for (NginxDirective c : loc.children()) {
            if (PASSES.contains(c.name())) {
                return true;
            }
            if (c.is("if") || c.is("limit_except")) {
                for (NginxDirective cc : c.children()) {
                    if (PASSES.contains(cc.name())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean hasNestedLimit(NginxDirective loc) {
        for (NginxDirective c : loc.children()) {
            if (c.isBlock() && c.has("client_max_body_size")) {
                return true;
            }
        }
        return false;
    }
}

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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A TLS server whose responses carry no {@code Strict-Transport-Security} header: neither its own
 * {@code add_header} (or an inherited one), nor one in any nested block, nor {@code more_set_headers}.
 * Silent when an include in the server or above could set it.
 */
public final class MissingHstsRule implements Rule<NginxConfig> {
    static final RuleMeta META = RuleMeta.of("nginx/missing-hsts", "TLS server without HSTS", Severity.WARNING,
            Category.SECURITY, FileKind.NGINX).withFix();
    static final String HSTS = "add_header Strict-Transport-Security \"max-age=31536000\" always;";

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(NginxConfig cfg, RuleContext ctx) {
        NginxEdits edits = null;
        for (NginxDirective server : cfg.named("server")) {
            if (!server.isBlock() || server.enclosing("stream") != null || server.enclosing("mail") != null
                    || server.parent().is("upstream") || !NginxScopes.isTls(server)
                    || NginxScopes.unknownInChain(server, cfg) || setsHsts(server) || inherited(server)) {
                continue;
            }
            if (edits == null) {
                edits = new NginxEdits(ctx.text(), ctx.file().lines());
            }
            Edit edit = fix(server, edits, ctx);
            String msg = "This TLS server sends no Strict-Transport-Security header, so browsers keep trying plain"
                    + " HTTP first (SSL stripping); send it with " + HSTS;
            if (edit == null) {
                ctx.report(server.nameRange(), msg);
            } else {
                ctx.report(server.nameRange(), msg, Fix.unsafe("Add a one-year HSTS header", edit));
            }
        }
    }

    private static boolean isHsts(NginxDirective d) {
        if (d.is("add_header")) {
            return "strict-transport-security".equals(NginxScopes.headerName(d));
        }
        if (d.is("more_set_headers")) {
            for (NginxArg a : d.args()) {
                if (a.value().toLowerCase(Locale.ROOT).startsWith("strict-transport-security")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The server or anything nested in it sets HSTS. */
    private static boolean setsHsts(NginxDirective server) {
        List<NginxDirective> todo = new ArrayList<>(server.children());
        while (!todo.isEmpty()) {
            NginxDirective d = todo.remove(todo.size() - 1);
            if (isHsts(d)) {
                return true;
            }
            todo.addAll(d.children());
        }
        return false;
    }

    /** HSTS inherited from an outer block (the server sets no add_header of its own). */
    private static boolean inherited(NginxDirective server) {
        for (NginxDirective b = server.parent(); b != null; b = b.parent()) {
            for (NginxDirective d : b.children("more_set_headers")) {
                if (isHsts(d)) {
                    return true;
                }
            }
        }
        if (server.has("add_header")) {
            return false;
        }
        NginxDirective level = NginxScopes.levelWith(server.parent(), "add_header");
        if (level == null) {
            return false;
        }
        for (NginxDirective h : level.children("add_header")) {
            if (isHsts(h)) {
                return true;
            }
        }
        return false;
    }

    private static Edit fix(NginxDirective server, NginxEdits edits, RuleContext ctx) {
        List<String> lines = new ArrayList<>();
        if (!server.has("add_header")) {
            NginxDirective level = server.parent() == null ? null
                    : NginxScopes.levelWith(server.parent(), "add_header");
            if (level != null) {
                for (NginxDirective h : level.children("add_header")) {
                    lines.add(ctx.file().slice(h.range()));
                }
            }
        }
        lines.add(HSTS);
        List<NginxDirective> own = server.children("add_header");
        if (!own.isEmpty()) {
            return edits.insertAfter(own.get(own.size() - 1), lines);
        }
        NginxDirective anchor = null;
        for (NginxDirective c : server.children()) {
            if (c.is("listen") || c.is("server_name") || c.name().startsWith("ssl_") || c.is("http2")) {
                anchor = c;
            } else if (c.isBlock()) {
                break;
            }
        }
        return anchor != null ? edits.insertAfter(anchor, lines) : edits.insertFirst(server, lines);
    }
}

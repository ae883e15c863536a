package io.archlens.rules.nginx;

import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Related;
import io.archlens.analysis.RuleContext;
import io.archlens.core.TextRange;
import io.archlens.syntax.nginx.NginxDirective;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings about {@code proxy_pass} whose cause is the whole server's (no level of it sets a header or timeout):
 * one finding per server, at the first {@code proxy_pass}, with the others as related locations and a fix that
 * sets the directive once in the server block. A server with a single such {@code proxy_pass} gets the rule's own
 * finding. (Top-level locations of a snippet count as one server.)
 */
final class PerServer {
    private final Map<NginxDirective, List<NginxDirective>> groups = new LinkedHashMap<>();
    private final Map<NginxDirective, Runnable> singles = new LinkedHashMap<>();

    /** A proxy_pass with a server-wide cause; {@code single} reports it when it is its server's only one. */
    void add(NginxDirective proxyPass, Runnable single) {
        singles.put(proxyPass, single);
        NginxDirective server = proxyPass.enclosing("server");
        if (server == null) {
            server = proxyPass;
            while (server.parent() != null) {
                server = server.parent();
            }
        }
        groups.computeIfAbsent(server, k -> new ArrayList<>()).add(proxyPass);
    }

    /**
     * Reports each group: alone through its own report; several as one finding whose message is {@code message}
     * with {@code %d} replaced by their count, fixed (when {@code line} is not null) by adding {@code line} first in
     * the server block.
     */
    void report(RuleContext ctx, String message, String line) {
        NginxEdits edits = new NginxEdits(ctx.text(), ctx.file().lines());
        var lines = ctx.file().lines();
        for (Map.Entry<NginxDirective, List<NginxDirective>> e : groups.entrySet()) {
            List<NginxDirective> passes = e.getValue();
            if (passes.size() == 1) {
                singles.get(passes.get(0)).run();
                continue;
            }
            List<Related> related = new ArrayList<>();
            for (NginxDirective d : passes.subList(1, passes.size())) {
                TextRange r = range(d);
                related.add(new Related(ctx.file().uri(), lines.position(r.start()), lines.position(r.end()),
                        "also this proxy_pass"));
            }
            List<Fix> fixes = new ArrayList<>();
            Edit edit = line == null ? null : edits.insertFirst(e.getKey(), List.of(line));
            if (edit != null) {
                fixes.add(Fix.safe("Add " + line + " to the server block", edit));
            }
            ctx.report(range(passes.get(0)), message.replace("%d", String.valueOf(passes.size())), fixes, related);
        }
    }

    static TextRange range(NginxDirective proxyPass) {
        return proxyPass.arg(0) != null ? proxyPass.arg(0).range() : proxyPass.nameRange();
    }
}

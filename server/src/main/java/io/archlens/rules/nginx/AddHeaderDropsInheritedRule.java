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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A block with its own {@code add_header} loses every {@code add_header} of the enclosing blocks: nginx
 * inherits the list only into blocks that define none. Reported on the nested block's first
 * {@code add_header}, naming the headers that silently disappear.
 */
public final class AddHeaderDropsInheritedRule implements Rule<NginxConfig> {
    static final RuleMeta META = RuleMeta.of("nginx/add-header-drops-inherited",
            "add_header in a nested block drops the inherited headers", Severity.WARNING, Category.SECURITY,
            FileKind.NGINX).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(NginxConfig cfg, RuleContext ctx) {
        NginxEdits edits = null;
        for (NginxDirective block : cfg.all()) {
            if (!block.isBlock() || !block.has("add_header") || NginxScopes.hasUnknownInclude(block)
                    || mergesInherited(block)) {
                continue;
            }
            NginxDirective outer = block.parent() == null ? null : NginxScopes.levelWith(block.parent(), "add_header");
            if (outer == null) {
                continue;
            }
            Set<String> own = new HashSet<>();
            for (NginxDirective h : block.children("add_header")) {
                own.add(NginxScopes.headerName(h));
            }
            List<NginxDirective> dropped = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (NginxDirective h : outer.children("add_header")) {
                String name = NginxScopes.headerName(h);
                if (name != null && !own.contains(name) && !names.contains(name)) {
                    dropped.add(h);
                    names.add(h.argValue(0));
                }
            }
            if (dropped.isEmpty()) {
                continue;
            }
            if (edits == null) {
                edits = new NginxEdits(ctx.text(), ctx.file().lines());
            }
            NginxDirective first = block.children("add_header").get(0);
            List<String> copies = new ArrayList<>();
            for (NginxDirective h : dropped) {
                copies.add(ctx.file().slice(h.range()));
            }
            Edit edit = edits.insertBefore(first, copies);
            ctx.report(first.nameRange(), "add_header here discards the headers set in " + NginxScopes.describe(outer)
                    + " (" + String.join(", ", names) + "), because nginx inherits add_header only into blocks that"
                    + " set none; repeat them here (or put them in a shared include)",
                    Fix.safe("Repeat the inherited headers here", edit));
        }
    }

    /** nginx 1.29.3+ {@code add_header_inherit merge} keeps the outer headers. */
    private static boolean mergesInherited(NginxDirective block) {
        NginxDirective d = NginxScopes.effective(block, "add_header_inherit");
        return d != null && "merge".equals(d.argValueLower(0));
    }
}

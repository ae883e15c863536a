package io.archlens.rules.nginx;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.nginx.NginxConfig;
import io.archlens.syntax.nginx.NginxDirective;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code allow} rules that never restrict anything. A block's {@code allow}/{@code deny} list replaces the
 * inherited one and is checked in order, first match wins; a client no rule matches is let through. So an
 * {@code allow} with no {@code deny all} after it lets everyone in, and an {@code allow} after {@code deny all}
 * never matches (except under {@code satisfy any}, where the allow lets matching clients skip authentication). A
 * {@code return} in the same block answers in the rewrite phase, before access is checked at all.
 * Blocks with an include we cannot read are skipped (it may hold the {@code deny all}).
 */
public final class AllowWithoutDenyRule implements Rule<NginxConfig> {
    static final RuleMeta META = RuleMeta.of("nginx/allow-without-deny",
            "allow/deny rules that never take effect", Severity.WARNING, Category.SECURITY, FileKind.NGINX);

    @Override
    public RuleMeta meta() {
        return META;
    }

    /** Under {@code satisfy any} an allow lets matching clients skip authentication: it does take effect. */
    private static boolean satisfyAny(NginxDirective block) {
        NginxDirective satisfy = NginxScopes.effective(block, "satisfy");
        return satisfy != null && "any".equals(satisfy.argValueLower(0));
    }

    @Override
    public void check(NginxConfig cfg, RuleContext ctx) {
        Set<NginxDirective> blocks = new LinkedHashSet<>();
        for (NginxDirective a : cfg.named("allow")) {
            if (a.parent() != null && !NginxScopes.notHttp(a)) {
                blocks.add(a.parent());
            }
        }
        for (NginxDirective block : blocks) {
            if (NginxScopes.hasUnknownInclude(block) || block.isRoot() && NginxScopes.ancestorsUnknown(cfg)) {
                continue;
            }
            NginxDirective denyAll = null;
            NginxDirective firstAllow = null;
            NginxDirective lateAllow = null;
            for (NginxDirective d : block.children()) {
                if (d.is("deny") && "all".equals(d.argValueLower(0)) && denyAll == null) {
                    denyAll = d;
                } else if (d.is("allow") && !"all".equals(d.argValueLower(0))) {
                    firstAllow = firstAllow == null ? d : firstAllow;
                    lateAllow = denyAll != null && lateAllow == null ? d : lateAllow;
                }
            }
            NginxDirective ret = block.child("return");
            if (ret != null && firstAllow != null) {
                ctx.report(ret.nameRange(), "return answers in the rewrite phase, before allow/deny are checked:"
                        + " every client gets this response and the access rules of " + NginxScopes.describe(block)
                        + " never apply; move the return into a location the rules protect, or drop it");
            } else if (firstAllow != null && denyAll == null && !satisfyAny(block)) {
                ctx.report(firstAllow.nameRange(), "allow without a following deny all restricts nothing: a"
                        + " client no rule matches is let through; add deny all; after the allow rules");
            } else if (lateAllow != null) {
                ctx.report(lateAllow.nameRange(), "This allow comes after deny all and never matches (first match"
                        + " wins); move it above deny all");
            }
        }
    }
}

package io.archlens.rules.nginx;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.nginx.NginxConfig;
import io.archlens.syntax.nginx.NginxDirective;
import java.util.Set;

/**
 * Directives other than {@code return}, {@code rewrite ... last|redirect|permanent}, {@code set} and
 * {@code break} inside an {@code if} in a location. Such an {@code if} becomes a hidden nested location with
 * its own inheritance, where {@code add_header}, {@code try_files}, {@code proxy_pass} and friends misbehave.
 */
public final class IfInLocationRule implements Rule<NginxConfig> {
    static final RuleMeta META = RuleMeta.of("nginx/if-in-location",
            "Unsafe directive inside if in a location (\"if is evil\")", Severity.WARNING, Category.RELIABILITY,
            FileKind.NGINX);
    private static final Set<String> SAFE = Set.of("return", "set", "break");
    private static final Set<String> STOPPING_FLAGS = Set.of("last", "redirect", "permanent");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(NginxConfig cfg, RuleContext ctx) {
        for (NginxDirective iff : cfg.named("if")) {
            if (!iff.isBlock() || iff.enclosing("location") == null) {
                continue;
            }
            for (NginxDirective c : iff.children()) {
                if (c.name().isEmpty() || SAFE.contains(c.name()) || c.is("if") || safeRewrite(c)) {
                    continue;
                }
                ctx.report(c.nameRange(), c.name() + " inside 'if' in a location runs in a hidden nested location"
                        + " with surprising inheritance (only return, rewrite ... last and set are safe there); use"
                        + " map to compute a variable, or a separate location");
            }
        }
    }

    private static boolean safeRewrite(NginxDirective d) {
        if (!d.is("rewrite") || d.argCount() < 2) {
            return false;
        }
        String target = d.argValue(1);
        String flag = d.argCount() >= 3 ? d.argValue(d.argCount() - 1) : null;
        return flag != null && STOPPING_FLAGS.contains(flag) || target.startsWith("http://")
                || target.startsWith("https://") || target.startsWith("$scheme://");
    }
}

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

/**
 * A prefix location without a trailing slash whose {@code alias} ends with one: {@code /static../x} matches
 * {@code location /static} and maps to {@code <alias>/../x}, one directory above the alias.
 */
public final class AliasPathTraversalRule implements Rule<NginxConfig> {
    static final RuleMeta META = RuleMeta.of("nginx/alias-path-traversal",
            "alias allows path traversal through a location without trailing slash", Severity.ERROR,
            Category.SECURITY, FileKind.NGINX).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(NginxConfig cfg, RuleContext ctx) {
        for (NginxDirective alias : cfg.named("alias")) {
            NginxDirective loc = alias.parent();
            String target = alias.argValue(0);
            if (loc == null || !loc.is("location") || target == null || !target.endsWith("/")) {
                continue;
            }
            NginxArg path;
            if (loc.argCount() == 1) {
                path = loc.arg(0);
            } else if (loc.argCount() == 2 && "^~".equals(loc.argValue(0))) {
                path = loc.arg(1);
            } else {
                continue;
            }
            String p = path.value();
            if (p.isEmpty() || p.endsWith("/") || p.startsWith("@") || p.startsWith("~") || p.startsWith("=")) {
                continue;
            }
            ctx.report(path.range(), "location " + p + " has no trailing slash but its alias ends with '/': a request"
                    + " for " + p + "../ reads the directory above " + target + "; write location " + p + "/",
                    Fix.safe("Add the trailing slash to the location", Edit.insert(path.contentRange().end(), "/")));
        }
    }
}

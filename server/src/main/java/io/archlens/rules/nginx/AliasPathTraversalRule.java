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
 * {@code location /static} and maps to {@code <alias>/../x}, one directory above the alias. Without a slash on
 * either side, {@code /static_old/x} maps to {@code <alias>_old/x}, a sibling directory. In a regex location, a
 * capture that follows a name without a slash and is put after a slash in the alias does the same.
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
            if (loc == null || !loc.is("location") || target == null) {
                continue;
            }
            if (NginxRegex.blockRegex(loc) != null) {
                checkRegex(loc, alias, ctx);
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
            if (p.isEmpty() || p.endsWith("/") || p.startsWith("@") || p.startsWith("~") || p.startsWith("=")
                    || target.indexOf('$') >= 0) {
                continue;
            }
            Fix fix = Fix.safe("Add the trailing slash to the location", Edit.insert(path.contentRange().end(), "/"));
            if (target.endsWith("/")) {
                ctx.report(path.range(), "location " + p + " has no trailing slash but its alias ends with '/': a"
                        + " request for " + p + "../ reads the directory above " + target + "; write location "
                        + p + "/", fix);
            } else {
                ctx.report(path.range(), "Neither location " + p + " nor its alias " + target + " ends with '/': a"
                        + " request for " + p + "_old/x reads " + target + "_old/x, any sibling whose name starts"
                        + " with " + target.substring(target.lastIndexOf('/') + 1) + "; write location " + p
                        + "/ and alias " + target + "/", Fix.safe("Add the trailing slashes",
                                Edit.insert(path.contentRange().end(), "/"),
                                Edit.insert(alias.arg(0).contentRange().end(), "/")));
            }
        }
    }

    /**
     * A regex location whose capture starts right after a name without a slash ({@code ~ ^/img(.*)$}) put after
     * a slash in the alias ({@code alias /srv/img/$1}): {@code /img../etc/passwd} captures {@code ../etc/passwd}.
     */
    private static void checkRegex(NginxDirective loc, NginxDirective alias, RuleContext ctx) {
        String re = NginxRegex.blockRegex(loc);
        NginxArg target = alias.arg(0);
        if (re == null || target == null) {
            return; // a location that is not a regex (a broken or half-typed one)
        }
        for (NginxArg.Variable v : target.variables()) {
            int at = v.range().start() - target.range().start();
            if (at == 0 || target.raw().charAt(at - 1) != '/') {
                continue;
            }
            NginxRegex.Group g = NginxRegex.capture(alias, v.name());
            if (g == null || g.body() == null // an unclosed group
                    || !NginxRegex.canMatch(g.body(), '.') || !NginxRegex.canMatch(g.body(), '/')) {
                continue;
            }
            String before = beforeGroup(re, g);
            if (before == null || before.endsWith("/") || before.endsWith("^")) {
                continue;
            }
            ctx.report(v.range(), "The capture " + g.body() + " follows " + before.substring(before
                    .lastIndexOf('/') + 1) + " without a slash in the location regex but comes after '/' in the"
                    + " alias: a request for " + before.replaceAll("[\\^~*]", "") + "../etc/passwd reads"
                    + " outside the alias; put the slash in the regex (" + before + "/(.*))");
            return;
        }
    }

    /** The regex text before group {@code g} opens, or null when it cannot be located. */
    private static String beforeGroup(String re, NginxRegex.Group g) {
        int from = 0;
        while (true) {
            int i = re.indexOf(g.body() + ")", from);
            if (i < 0) {
                return null;
            }
            int open = re.lastIndexOf('(', i);
            if (open >= 0 && (open + 1 == i || re.substring(open + 1, i).startsWith("?"))) {
                return re.substring(0, open);
            }
            from = i + 1;
        }
    }
}

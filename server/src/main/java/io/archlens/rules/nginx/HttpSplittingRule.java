package io.archlens.rules.nginx;

import io.archlens.analysis.Category;
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
import java.util.Set;

/**
 * A variable that can hold a line break written into a response header ({@code add_header}, a redirect's
 * {@code Location} from {@code return}/{@code rewrite}) or into the request sent upstream ({@code proxy_pass},
 * {@code proxy_set_header}): {@code $uri} and {@code $document_uri} (decoded, so {@code %0d%0a} becomes CR LF),
 * a regex capture whose group can match CR or LF ({@code ([^/]+)}, {@code (\W*)}; {@code (.*)} can hold CR but
 * not LF), or a variable {@code set} from one of those. Upstream requests only break on LF. Captures of a
 * {@code rewrite}'s own regex are escaped by nginx in redirects and are not reported.
 */
public final class HttpSplittingRule implements Rule<NginxConfig> {
    static final RuleMeta META = RuleMeta.of("nginx/http-splitting",
            "A variable that can contain CR/LF is written into a header (HTTP response splitting)", Severity.ERROR,
            Category.SECURITY, FileKind.NGINX);
    private static final Set<String> DECODED = Set.of("uri", "document_uri");
    private static final Set<String> REDIRECT_CODES = Set.of("301", "302", "303", "307", "308");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(NginxConfig cfg, RuleContext ctx) {
        for (NginxDirective d : cfg.all()) {
            NginxArg value = headerValue(d);
            if (value == null || NginxScopes.notHttp(d)) {
                continue;
            }
            boolean upstream = d.name().startsWith("proxy_");
            List<NginxArg.Variable> host = d.is("proxy_pass") ? ProxyPassSsrfRule.targetVariables(value) : List.of();
            for (NginxArg.Variable v : value.variables()) {
                String why = lineBreakSource(cfg, d, v.name(), upstream, host.contains(v) ? -1 : 0);
                if (why != null) {
                    String where = upstream ? "the request nginx sends upstream" : "the response headers";
                    ctx.report(v.range(), "$" + v.name() + " " + why + ", and goes into " + where + " here: a"
                            + " request with %0d%0a in its path can add headers of its own (HTTP splitting); use"
                            + " $request_uri (kept encoded) or a capture that excludes line breaks ([^\\r\\n/]+)");
                    break;
                }
            }
        }
    }

    private static NginxArg headerValue(NginxDirective d) {
        return switch (d.name()) {
            case "proxy_pass" -> d.arg(0);
            case "add_header", "proxy_set_header" -> d.arg(1);
            case "rewrite" -> d.arg(1);
            case "return" -> d.argCount() == 1 && d.argValue(0).contains("://") ? d.arg(0)
                    : d.argCount() == 2 && REDIRECT_CODES.contains(d.argValue(0)) ? d.arg(1) : null;
            default -> null;
        };
    }

    /**
     * Why {@code $name} can hold a line break at {@code d}, or null when it cannot (or nothing is known). Depth -1
     * marks a variable in the host part of {@code proxy_pass}: a client value there is nginx/proxy-pass-ssrf's
     * finding, so only variables {@code set} from a URL whose path holds one are followed.
     */
    private static String lineBreakSource(NginxConfig cfg, NginxDirective d, String name, boolean upstream,
            int depth) {
        boolean host = depth < 0;
        if (DECODED.contains(name) && !host) {
            return "is the decoded request path";
        }
        if (!d.is("rewrite") && !host) {
            NginxRegex.Group g = NginxRegex.capture(d, name);
            if (g != null) {
                if (g.body() == null) {
                    return null; // the group is never closed: nginx rejects the regex, nothing to judge
                }
                boolean lf = NginxRegex.canMatch(g.body(), '\n');
                boolean cr = !upstream && NginxRegex.canMatch(g.body(), '\r');
                if (lf || cr) {
                    return "comes from the capture (" + g.body() + "), which can hold " + (lf ? "a line feed"
                            : "a carriage return");
                }
                return null;
            }
        }
        if (depth > 3) {
            return null;
        }
        for (NginxDirective s : cfg.named("set")) {
            NginxArg target = s.arg(0);
            NginxArg value = s.arg(1);
            if (target == null || value == null || !target.value().equals("$" + name) || !visibleFrom(s, d)) {
                continue;
            }
            List<NginxArg.Variable> vars = new ArrayList<>(value.variables());
            if (host) {
                vars.removeAll(ProxyPassSsrfRule.targetVariables(value));
            }
            for (NginxArg.Variable v : vars) {
                String why = lineBreakSource(cfg, s, v.name(), upstream, Math.max(depth, 0) + 1);
                if (why != null) {
                    return "is set from $" + v.name() + ", which " + why;
                }
            }
        }
        return null;
    }

    /** True when the {@code set} runs for requests handled at {@code d}: in the same block or an enclosing one. */
    private static boolean visibleFrom(NginxDirective set, NginxDirective d) {
        for (NginxDirective b = d.parent(); b != null; b = b.parent()) {
            if (b == set.parent()) {
                return true;
            }
        }
        return false;
    }
}

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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code proxy_pass} whose scheme or host comes from a client-controlled variable: request arguments, headers,
 * cookies, {@code $host}, the URI, regex captures of the location, or a variable {@code set} from any of those.
 * Variables in the path part are normal ({@code proxy_pass http://api$request_uri}) and are not reported.
 */
public final class ProxyPassSsrfRule implements Rule<NginxConfig> {
    static final RuleMeta META = RuleMeta.of("nginx/proxy-pass-ssrf",
            "proxy_pass target host comes from the client (SSRF)", Severity.ERROR, Category.SECURITY,
            FileKind.NGINX);
    private static final Set<String> TAINTED = Set.of("host", "http_host", "request_uri", "uri", "document_uri",
            "args", "query_string", "request", "request_body", "request_line");
    /** Variables that always start with '/': after a host they begin the path. */
    private static final Set<String> PATH_VARIABLES = Set.of("request_uri", "uri", "document_uri");
    private static final Pattern NAMED_CAPTURE = Pattern.compile("\\(\\?P?<([A-Za-z_][A-Za-z0-9_]*)>");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(NginxConfig cfg, RuleContext ctx) {
        List<NginxDirective> passes = NginxScopes.httpProxyPasses(cfg);
        if (passes.isEmpty()) {
            return;
        }
        Set<String> setTainted = taintedBySet(cfg);
        for (NginxDirective d : passes) {
            NginxArg a = d.arg(0);
            if (a == null || a.raw().indexOf('$') < 0 || internalOnly(d)) {
                continue;
            }
            Set<String> captures = namedCaptures(d);
            for (NginxArg.Variable v : targetVariables(a)) {
                if (tainted(v.name(), captures) || setTainted.contains(v.name())) {
                    ctx.report(v.range(), "proxy_pass takes its target from $" + v.name() + ", which the client"
                            + " controls: anyone can make nginx call internal services or cloud metadata (SSRF);"
                            + " proxy to a fixed upstream, or map allowed values to backends with map");
                }
            }
        }
    }

    /**
     * The variables of a URL argument that can choose where the request goes: those in the scheme and host part.
     * Once a fixed host is followed by a path, the rest ({@code http://backend$request_uri}) only picks a path.
     */
    static List<NginxArg.Variable> targetVariables(NginxArg a) {
        String raw = a.raw();
        int schemeEnd = raw.indexOf("://");
        int hostEnd;
        if (schemeEnd < 0) {
            hostEnd = raw.length();
        } else {
            int slash = raw.indexOf('/', schemeEnd + 3);
            hostEnd = slash < 0 ? raw.length() : slash;
        }
        List<NginxArg.Variable> out = new ArrayList<>();
        for (NginxArg.Variable v : a.variables()) {
            int rel = v.range().start() - a.range().start();
            if (rel >= hostEnd || schemeEnd >= 0 && rel > schemeEnd + 3 && PATH_VARIABLES.contains(v.name())) {
                break;
            }
            out.add(v);
        }
        return out;
    }

    /** A location marked {@code internal;} is reached only through nginx's own redirects, never by a client URL. */
    private static boolean internalOnly(NginxDirective d) {
        for (NginxDirective p = d.parent(); p != null; p = p.parent()) {
            if (p.is("location")) {
                return !p.children("internal").isEmpty();
            }
        }
        return false;
    }

    static boolean tainted(String name, Set<String> captures) {
        return name.startsWith("arg_") || name.startsWith("http_") || name.startsWith("cookie_")
                || TAINTED.contains(name) || name.chars().allMatch(Character::isDigit) || captures.contains(name);
    }

    private static Set<String> namedCaptures(NginxDirective d) {
        Set<String> out = new HashSet<>();
        for (NginxDirective p = d.parent(); p != null; p = p.parent()) {
            if (p.is("location") || p.is("server_name") || p.is("if")) {
                for (NginxArg a : p.args()) {
                    Matcher m = NAMED_CAPTURE.matcher(a.value());
                    while (m.find()) {
                        out.add(m.group(1));
                    }
                }
            }
        }
        return out;
    }

    /** Variables assigned with {@code set} from client-controlled values (followed through a few hops). */
    private static Set<String> taintedBySet(NginxConfig cfg) {
        Set<String> out = new HashSet<>();
        for (int round = 0; round < 4; round++) {
            boolean changed = false;
            for (NginxDirective s : cfg.named("set")) {
                NginxArg target = s.arg(0);
                NginxArg value = s.arg(1);
                if (target == null || value == null || !target.raw().startsWith("$")) {
                    continue;
                }
                String name = target.raw().substring(1);
                if (out.contains(name)) {
                    continue;
                }
                Set<String> captures = namedCaptures(s);
                for (NginxArg.Variable v : targetVariables(value)) {
                    if (tainted(v.name(), captures) || out.contains(v.name())) {
                        out.add(name);
                        changed = true;
                        break;
                    }
                }
            }
            if (!changed) {
                break;
            }
        }
        return out;
    }
}

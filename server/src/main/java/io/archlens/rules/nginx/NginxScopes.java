package io.archlens.rules.nginx;

import io.archlens.syntax.nginx.NginxArg;
import io.archlens.syntax.nginx.NginxConfig;
import io.archlens.syntax.nginx.NginxDirective;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * nginx's inheritance, as the rules need it. A directive set in an outer block applies to inner blocks that
 * do not set it themselves; "array" directives ({@code add_header}, {@code proxy_set_header}) are inherited
 * only by blocks that set none of their own. Rules see the effective configuration, where a resolved
 * {@code include} is followed by the included directives; an include that could not be resolved may define
 * anything, so rules looking for a directive's absence stay silent where it could supply it. Known includes whose content is
 * standard ({@code mime.types}, {@code fastcgi_params}, {@code proxy_params}...) are not unknown, and glob
 * includes at the {@code http}/top level ({@code conf.d/*.conf}, {@code sites-enabled/*}) are taken to bring
 * in server blocks, not {@code http}-level settings.
 */
final class NginxScopes {
    /** Debian/Ubuntu's {@code proxy_params} sets these request headers. */
    static final Set<String> PROXY_PARAMS_HEADERS = Set.of("host", "x-real-ip", "x-forwarded-for",
            "x-forwarded-proto");
    private static final Set<String> KNOWN_INCLUDES = Set.of("mime.types", "fastcgi_params", "fastcgi.conf",
            "uwsgi_params", "scgi_params", "proxy_params", "koi-utf", "koi-win", "win-utf");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern INTERNAL_SUFFIX = Pattern.compile(
            ".*\\.(internal|local|localdomain|lan|svc|cluster\\.local|consul|intranet|corp|home\\.arpa)$");

    private NginxScopes() {
    }

    /** True when the file's top level runs inside a server or location we cannot see. */
    static boolean ancestorsUnknown(NginxConfig cfg) {
        return cfg.topLevel() == NginxConfig.TopLevel.SERVER || cfg.topLevel() == NginxConfig.TopLevel.FRAGMENT;
    }

    /**
     * True when the file is a whole configuration (it has the main level) whose includes were all read (or are
     * standard files such as mime.types): nothing defined elsewhere can change what it says.
     */
    static boolean wholeConfig(NginxConfig cfg) {
        if (cfg.topLevel() != NginxConfig.TopLevel.MAIN) {
            return false;
        }
        for (NginxDirective inc : cfg.named("include")) {
            String p = inc.argValue(0);
            if (!inc.includeResolved() && (p == null || !KNOWN_INCLUDES.contains(p.substring(p.lastIndexOf('/') + 1)))) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code block} directly contains an include whose content is unknown. */
    static boolean hasUnknownInclude(NginxDirective block) {
        for (NginxDirective inc : block.children("include")) {
            if (isUnknownInclude(inc, block)) {
                return true;
            }
        }
        return false;
    }

    static boolean isUnknownInclude(NginxDirective inc, NginxDirective block) {
        String pattern = inc.argValue(0);
        if (pattern == null || inc.includeResolved()) {
            return false;
        }
        String file = pattern.substring(pattern.lastIndexOf('/') + 1);
        if (KNOWN_INCLUDES.contains(file)) {
            return false;
        }
        boolean glob = pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0 || pattern.indexOf('[') >= 0;
        boolean httpLevel = block.isRoot() || block.is("http");
        return !(glob && httpLevel);
    }

    /** True when the block or any ancestor (or the unseen including file) may define directives we miss. */
    static boolean unknownInChain(NginxDirective block, NginxConfig cfg) {
        if (ancestorsUnknown(cfg)) {
            return true;
        }
        for (NginxDirective b = block; b != null; b = b.parent()) {
            if (hasUnknownInclude(b)) {
                return true;
            }
        }
        return false;
    }

    /** The effective (last, innermost) directive with this name for {@code block}: its own, else inherited. */
    static NginxDirective effective(NginxDirective block, String name) {
        for (NginxDirective b = block; b != null; b = b.parent()) {
            NginxDirective d = b.child(name);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    /** The nearest block (this one or an ancestor) that sets any {@code name} directive, or null. */
    static NginxDirective levelWith(NginxDirective block, String name) {
        for (NginxDirective b = block; b != null; b = b.parent()) {
            if (b.has(name)) {
                return b;
            }
        }
        return null;
    }

    /** The proxy request headers that apply in a block. */
    record ProxyHeaders(Map<String, NginxDirective> headers, NginxDirective level, boolean unknown) {
        boolean has(String header) {
            return headers.containsKey(header.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * The {@code proxy_set_header} list in effect in {@code block}: from the nearest level that sets any
     * (or includes {@code proxy_params}). {@code unknown} when an unknown include on the way may add headers.
     */
    static ProxyHeaders proxyHeaders(NginxDirective block, NginxConfig cfg) {
        boolean unknown = ancestorsUnknown(cfg);
        for (NginxDirective b = block; b != null; b = b.parent()) {
            if (hasUnknownInclude(b)) {
                unknown = true;
            }
            boolean params = false;
            for (NginxDirective inc : b.children("include")) {
                String p = inc.argValue(0);
                params |= p != null && p.endsWith("proxy_params");
            }
            if (b.has("proxy_set_header") || params) {
                Map<String, NginxDirective> m = new LinkedHashMap<>();
                if (params) {
                    for (String h : PROXY_PARAMS_HEADERS) {
                        m.put(h, null);
                    }
                }
                for (NginxDirective d : b.children("proxy_set_header")) {
                    String h = d.argValueLower(0);
                    if (h != null) {
                        m.put(h, d);
                    }
                }
                return new ProxyHeaders(m, b, unknown);
            }
        }
        return new ProxyHeaders(Map.of(), null, unknown);
    }

    /** The nearest ancestor level above {@code level} that sets this proxy header (the list it overrides). */
    static NginxDirective overriddenLevelWith(NginxDirective level, String header) {
        if (level == null) {
            return null;
        }
        for (NginxDirective b = level.parent(); b != null; b = b.parent()) {
            for (NginxDirective d : b.children("proxy_set_header")) {
                if (header.equalsIgnoreCase(d.argValue(0))) {
                    return b;
                }
            }
        }
        return null;
    }

    /** True for directives inside {@code stream} or {@code mail} blocks (TCP/UDP/mail proxying, not HTTP). */
    static boolean notHttp(NginxDirective d) {
        return d.enclosing("stream") != null || d.enclosing("mail") != null;
    }

    /** The file's HTTP {@code proxy_pass} directives (those in stream and mail blocks are left out). */
    static List<NginxDirective> httpProxyPasses(NginxConfig cfg) {
        List<NginxDirective> out = new ArrayList<>();
        for (NginxDirective d : cfg.named("proxy_pass")) {
            if (!notHttp(d)) {
                out.add(d);
            }
        }
        return out;
    }

    /** The host part of a proxy_pass URL (without scheme, port and path), or null for variables/unix. */
    static String proxyHost(NginxDirective proxyPass) {
        String url = proxyPass.argValue(0);
        if (url == null) {
            return null;
        }
        int scheme = url.indexOf("://");
        String rest = scheme >= 0 ? url.substring(scheme + 3) : url;
        if (rest.startsWith("unix:")) {
            return "localhost";
        }
        int slash = rest.indexOf('/');
        String hostPort = slash >= 0 ? rest.substring(0, slash) : rest;
        if (hostPort.indexOf('$') >= 0 || hostPort.isEmpty()) {
            return null;
        }
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            return close > 0 ? hostPort.substring(0, close + 1) : hostPort;
        }
        int colon = hostPort.indexOf(':');
        return (colon >= 0 ? hostPort.substring(0, colon) : hostPort).toLowerCase(Locale.ROOT);
    }

    /** The upstream block named by this proxy_pass's host, when defined in this file. */
    static NginxDirective upstreamOf(NginxDirective proxyPass, NginxConfig cfg) {
        return cfg.upstream(proxyHost(proxyPass));
    }

    /**
     * True when the proxy target is an internal service (an upstream of this file, a bare service name, an IP,
     * localhost or an internal domain), where the client's Host should be passed on. Public hostnames (an
     * external API) usually need their own Host, so header rules stay silent for them.
     */
    static boolean internalTarget(NginxDirective proxyPass, NginxConfig cfg) {
        String host = proxyHost(proxyPass);
        if (host == null) {
            return false;
        }
        if (upstreamOf(proxyPass, cfg) != null || host.indexOf('.') < 0 || host.startsWith("[")) {
            return true;
        }
        return IPV4.matcher(host).matches() || INTERNAL_SUFFIX.matcher(host).matches();
    }

    /** A TLS server: a listen with {@code ssl} or {@code quic}, or {@code ssl on}. */
    static boolean isTls(NginxDirective server) {
        for (NginxDirective l : server.children("listen")) {
            if (listenIsTls(l)) {
                return true;
            }
        }
        NginxDirective ssl = server.child("ssl");
        return ssl != null && "on".equalsIgnoreCase(ssl.argValue(0));
    }

    static boolean listenIsTls(NginxDirective listen) {
        for (int i = 1; i < listen.argCount(); i++) {
            String p = listen.argValueLower(i);
            if (p.equals("ssl") || p.equals("quic")) {
                return true;
            }
        }
        return false;
    }

    /** The port of a listen directive (80 when only an address is given), or -1 for unix sockets. */
    static int listenPort(NginxDirective listen) {
        String a = listen.argValue(0);
        if (a == null || a.startsWith("unix:")) {
            return -1;
        }
        String port = a;
        int bracket = a.lastIndexOf(']');
        int colon = a.lastIndexOf(':');
        if (colon > bracket) {
            port = a.substring(colon + 1);
        } else if (bracket >= 0 || a.indexOf('.') >= 0 || !a.chars().allMatch(Character::isDigit)) {
            return 80;
        }
        try {
            return Integer.parseInt(port);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Header name of an add_header directive, lower case, or null. */
    static String headerName(NginxDirective addHeader) {
        String v = addHeader.argValue(0);
        return v == null ? null : v.toLowerCase(Locale.ROOT);
    }

    /** A readable name for a block: "the http block", "location /api/", "the server block". */
    static String describe(NginxDirective block) {
        if (block.isRoot()) {
            return "the file's top level";
        }
        if (block.is("location") || block.is("if") || block.is("upstream")) {
            StringBuilder sb = new StringBuilder(block.name());
            for (NginxArg a : block.args()) {
                sb.append(' ').append(a.raw());
            }
            String s = sb.toString();
            return s.length() > 60 ? s.substring(0, 57) + "..." : s;
        }
        return "the " + block.name() + " block";
    }
}

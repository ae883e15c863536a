package io.archlens.model;

import io.archlens.analysis.SourceFile;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import io.archlens.model.Facts.FileRef;
import io.archlens.model.Facts.HostRef;
import io.archlens.model.Facts.Port;
import io.archlens.model.Facts.ProxySpec;
import io.archlens.model.Facts.Upstream;
import io.archlens.syntax.nginx.NginxArg;
import io.archlens.syntax.nginx.NginxConfig;
import io.archlens.syntax.nginx.NginxDirective;
import io.archlens.syntax.nginx.NginxInclude;
import io.archlens.syntax.nginx.NginxParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What an nginx configuration listens on, its upstreams, where it proxies to, what it includes. */
final class NginxExtractor implements FactExtractor {
    private static final Pattern URL = Pattern.compile("^(?:(?<scheme>[a-z]+)://)?(?<host>\\[[^]]+]|[^:/]+)(?::(?<port>\\d+))?");
    private static final List<String> PASSES = List.of("proxy_pass", "grpc_pass", "fastcgi_pass", "uwsgi_pass",
            "scgi_pass");

    @Override
    public Set<FileKind> kinds() {
        return Set.of(FileKind.NGINX);
    }

    @Override
    public void extract(SourceFile file, Object model, FileFacts.Builder out) {
        NginxConfig c = model instanceof NginxConfig n ? n : NginxParser.parse(file).model();
        List<Port> listens = new ArrayList<>();
        for (NginxDirective d : c.named("listen")) {
            if (d.inside("stream") || d.inside("mail")) {
                continue;
            }
            NginxArg a = d.arg(0);
            if (a == null || a.value().startsWith("unix:")) {
                continue;
            }
            String v = a.value();
            String port = v.contains("]:") ? v.substring(v.indexOf("]:") + 2)
                    : v.startsWith("[") ? null : v.contains(":") ? v.substring(v.lastIndexOf(':') + 1) : v;
            Integer p = port == null ? null : ComposeExtractor.firstPort(port);
            if (port != null && p == null && v.matches("[0-9.]+") == false && !v.contains(":")) {
                p = 80; // "listen localhost;" listens on 80
            }
            if (p != null) {
                listens.add(new Port(p, null, null, out.loc(part(a, port == null ? v : port))));
            }
        }
        List<Upstream> upstreams = new ArrayList<>();
        for (NginxDirective u : c.named("upstream")) {
            NginxArg name = u.arg(0);
            if (name == null) {
                continue;
            }
            List<HostRef> servers = new ArrayList<>();
            for (NginxDirective s : u.children("server")) {
                HostRef h = host("upstream", s.arg(0), out);
                if (h != null) {
                    servers.add(h);
                }
            }
            upstreams.add(new Upstream(name.value(), out.loc(name.range()), servers));
        }
        List<HostRef> passes = new ArrayList<>();
        for (String directive : PASSES) {
            for (NginxDirective d : c.named(directive)) {
                HostRef h = host(directive, d.arg(0), out);
                if (h != null) {
                    passes.add(h);
                }
            }
        }
        for (NginxInclude inc : c.includes()) {
            if (inc.glob() || inc.pattern().contains("$") || inc.directive().arg(0) == null) {
                continue;
            }
            String target = inc.pattern().startsWith("/") ? inc.pattern() : Paths.resolve(Paths.parent(file.path()),
                    inc.pattern());
            out.ref(new FileRef(FileRef.Kind.NGINX_INCLUDE, target, out.loc(inc.directive().arg(0).range()), true));
        }
        if (!listens.isEmpty() || !upstreams.isEmpty() || !passes.isEmpty()) {
            out.proxy(new ProxySpec(listens, upstreams, passes));
        }
    }

    private static HostRef host(String role, NginxArg a, FileFacts.Builder out) {
        if (a == null || a.value().startsWith("unix:")) {
            return null;
        }
        Matcher m = URL.matcher(a.value());
        if (!m.find()) {
            return null;
        }
        String host = m.group("host");
        String port = m.group("port");
        String scheme = m.group("scheme");
        if (scheme == null) {
            scheme = role.equals("grpc_pass") ? "grpc" : "http";
        }
        return new HostRef(role, host, port == null ? null : Integer.parseInt(port), out.loc(part(a, host)),
                port == null ? null : out.loc(part(a, ":" + port, 1)), scheme);
    }

    private static TextRange part(NginxArg a, String s) {
        return part(a, s, 0);
    }

    /** The range of {@code s} inside the token as written (the whole token when it is not there verbatim). */
    private static TextRange part(NginxArg a, String s, int skip) {
        int at = a.raw().indexOf(s);
        if (at < 0) {
            return a.range();
        }
        int start = a.range().start() + at + skip;
        return new TextRange(start, start + s.length() - skip);
    }
}

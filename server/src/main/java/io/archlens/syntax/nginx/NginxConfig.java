package io.archlens.syntax.nginx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One nginx configuration file: the directive tree (under a synthetic root), comments and includes.
 * {@link #topLevel()} says which context the file's top level most likely runs in, since conf.d and snippet
 * files are included into a block of another file. {@link NginxContext} places a file on disk in the
 * configuration that includes it, with its own includes read.
 */
public final class NginxConfig {
    /** Where this file's top-level directives run. */
    public enum TopLevel {
        /** A whole configuration (has {@code http}, {@code events}, {@code stream} or main-only directives). */
        MAIN,
        /** Included into {@code http} (top-level {@code server}, {@code upstream}, {@code map}...): conf.d style. */
        HTTP,
        /** Included into {@code server} (top-level {@code location}, {@code listen}...): a snippet. */
        SERVER,
        /** Included into a location or unknown: only plain directives (e.g. a proxy settings snippet). */
        FRAGMENT
    }

    private static final Set<String> MAIN_ONLY = Set.of("http", "events", "stream", "mail", "worker_processes",
            "user", "pid", "worker_rlimit_nofile", "load_module", "daemon", "master_process", "env",
            "worker_cpu_affinity", "worker_priority", "pcre_jit", "thread_pool", "worker_shutdown_timeout");
    private static final Set<String> HTTP_LEVEL = Set.of("server", "upstream", "map", "geo", "split_clients",
            "log_format", "limit_req_zone", "limit_conn_zone", "proxy_cache_path", "fastcgi_cache_path", "types");
    private static final Set<String> SERVER_LEVEL = Set.of("location", "listen", "server_name", "ssl_certificate",
            "ssl_certificate_key");

    private final NginxDirective root;
    private final List<NginxDirective> all;
    private final List<NginxComment> comments;
    private final List<NginxInclude> includes;
    private final TopLevel topLevel;
    private Map<String, List<NginxDirective>> byName;
    private Map<String, NginxDirective> httpUpstreams;
    /** {@link NginxContext#of}'s answer for this parse, once computed. */
    volatile List<NginxContext> contexts;

    NginxConfig(NginxDirective root, List<NginxDirective> all, List<NginxComment> comments,
            List<NginxInclude> includes) {
        this.root = root;
        this.all = List.copyOf(all);
        this.comments = List.copyOf(comments);
        this.includes = List.copyOf(includes);
        this.topLevel = classify(root);
    }

    private static TopLevel classify(NginxDirective root) {
        boolean http = false;
        boolean server = false;
        boolean any = false;
        for (NginxDirective d : root.children()) {
            if (d.name().isEmpty()) {
                continue;
            }
            any = true;
            if (MAIN_ONLY.contains(d.name())) {
                return TopLevel.MAIN;
            }
            http |= HTTP_LEVEL.contains(d.name());
            server |= SERVER_LEVEL.contains(d.name());
        }
        if (http) {
            return TopLevel.HTTP;
        }
        if (server) {
            return TopLevel.SERVER;
        }
        return any ? TopLevel.FRAGMENT : TopLevel.MAIN;
    }

    /** The synthetic root; its children are the file's top-level directives. */
    public NginxDirective root() {
        return root;
    }

    public List<NginxDirective> topDirectives() {
        return root.children();
    }

    /** Every directive (not the root) in document order, including those nested in blocks. */
    public List<NginxDirective> all() {
        return all;
    }

    /** Every directive with this name anywhere in the file, in document order. */
    public List<NginxDirective> named(String name) {
        Map<String, List<NginxDirective>> m = byName;
        if (m == null) {
            m = new HashMap<>();
            for (NginxDirective d : all) {
                m.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(d);
            }
            byName = m;
        }
        return m.getOrDefault(name, List.of());
    }

    /**
     * The http {@code upstream} block with this name (case-insensitive; the first one wins), or null.
     * Upstreams inside {@code stream} blocks are not included.
     */
    public NginxDirective upstream(String name) {
        Map<String, NginxDirective> m = httpUpstreams;
        if (m == null) {
            m = new HashMap<>();
            for (NginxDirective u : named("upstream")) {
                String n = u.argValue(0);
                if (n != null && u.enclosing("stream") == null) {
                    m.putIfAbsent(n.toLowerCase(java.util.Locale.ROOT), u);
                }
            }
            httpUpstreams = m;
        }
        return name == null ? null : m.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public List<NginxComment> comments() {
        return comments;
    }

    public List<NginxInclude> includes() {
        return includes;
    }

    public TopLevel topLevel() {
        return topLevel;
    }
}

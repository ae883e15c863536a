package io.archlens.rules.nginx;

import io.archlens.syntax.nginx.NginxConfig;
import io.archlens.syntax.nginx.NginxDirective;

/** What upstream keep-alive needs in each location that proxies to the upstream. */
final class KeepaliveSupport {
    static final String HTTP11 = "proxy_http_version 1.1;";
    static final String CONNECTION = "proxy_set_header Connection \"\";";

    private KeepaliveSupport() {
    }

    /** True when the location already speaks HTTP/1.1 to the backend. */
    static boolean http11(NginxDirective block) {
        NginxDirective v = NginxScopes.effective(block, "proxy_http_version");
        return v != null && "1.1".equals(v.argValue(0));
    }

    /**
     * Adds the lines this proxy_pass misses; returns a short description of what was missing ("" if nothing).
     * Unknown includes in the chain count as "may be there".
     */
    static String addMissing(NginxDirective proxyPass, NginxConfig cfg, NginxEdits.Batch batch) {
        NginxDirective block = proxyPass.parent();
        if (block == null || NginxScopes.unknownInChain(block, cfg)) {
            return "";
        }
        StringBuilder missing = new StringBuilder();
        if (!http11(block)) {
            batch.after(proxyPass, HTTP11);
            missing.append("proxy_http_version 1.1");
        }
        NginxScopes.ProxyHeaders ph = NginxScopes.proxyHeaders(block, cfg);
        if (!ph.unknown() && !ph.has("connection")) {
            batch.proxyHeader(proxyPass, ph, CONNECTION);
            missing.append(missing.length() > 0 ? " and " : "").append("proxy_set_header Connection \"\"");
        }
        return missing.toString();
    }
}

package io.archlens.model;

import io.archlens.model.Facts.HostRef;
import io.archlens.model.Facts.ProxySpec;
import io.archlens.model.Facts.Upstream;
import io.archlens.model.SystemModel.Node;
import java.util.ArrayList;
import java.util.List;

/** The hosts an nginx configuration proxies to (upstream names expanded to their servers), per workload. */
public final class ProxyTargets {
    /** One host an nginx file sends traffic to, as seen from one workload that runs the file. */
    public record Target(FileFacts file, Node from, HostRef ref) {
    }

    private ProxyTargets() {
    }

    public static List<Target> all(SystemModel model) {
        return model.proxyTargets();
    }

    static List<Target> compute(SystemModel model) {
        List<Target> out = new ArrayList<>();
        for (FileFacts f : model.files()) {
            ProxySpec p = f.proxy();
            if (p == null) {
                continue;
            }
            List<Node> runners = model.nodesUsing(f);
            if (runners.isEmpty()) {
                continue;
            }
            List<HostRef> hosts = new ArrayList<>();
            for (HostRef h : p.proxyPasses()) {
                Upstream u = upstream(model, runners, f, h.host());
                if (u == null) {
                    hosts.add(h);
                }
            }
            for (Upstream u : p.upstreams()) {
                hosts.addAll(u.servers());
            }
            for (Node n : runners) {
                for (HostRef h : hosts) {
                    out.add(new Target(f, n, h));
                }
            }
        }
        return out;
    }

    /** The upstream block named {@code name} in this file or another nginx file the same workloads run. */
    private static Upstream upstream(SystemModel model, List<Node> runners, FileFacts f, String name) {
        Upstream u = f.proxy().upstream(name);
        if (u != null) {
            return u;
        }
        for (Node n : runners) {
            for (FileFacts other : n.binding().proxies()) {
                u = other.proxy().upstream(name);
                if (u != null) {
                    return u;
                }
            }
        }
        return null;
    }

    public static int port(HostRef h) {
        if (h.port() != null) {
            return h.port();
        }
        return "https".equals(h.scheme()) ? 443 : 80;
    }
}

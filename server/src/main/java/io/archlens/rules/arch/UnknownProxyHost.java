package io.archlens.rules.arch;

import io.archlens.analysis.Category;
import io.archlens.analysis.Related;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.model.Facts.Container;
import io.archlens.model.Facts.HostRef;
import io.archlens.model.Facts.Port;
import io.archlens.model.ProjectReporter;
import io.archlens.model.ProxyTargets;
import io.archlens.model.ProjectRule;
import io.archlens.model.SystemModel;
import io.archlens.model.SystemModel.Node;
import io.archlens.model.SystemModel.Resolution;
import java.util.List;

/** nginx proxies (proxy_pass or an upstream server) to a host that is no service where nginx runs. */
public final class UnknownProxyHost implements ProjectRule {
    static final RuleMeta META = RuleMeta.of("arch/unknown-proxy-host",
            "nginx proxies to a host that is no service where it runs", Severity.ERROR, Category.RELIABILITY, null);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SystemModel model, ProjectReporter out) {
        for (ProxyTargets.Target t : ProxyTargets.all(model)) {
            HostRef h = t.ref();
            Node from = t.from();
            if (SystemModel.unresolvable(h.host())) {
                continue;
            }
            List<Related> rel = List.of(from.workload().nameLoc().related("nginx runs as " + from.label()));
            if (SystemModel.loopback(h.host())) {
                if (!podServes(from, ProxyTargets.port(h))) {
                    out.report(h.hostLoc(), "'" + h.host() + "' inside " + from.label() + " is the nginx container "
                            + "itself, not the application; proxy to the application's service name instead", rel);
                }
                continue;
            }
            Resolution r = model.resolve(from, h.host());
            if (r == null || r.found()) {
                continue;
            }
            out.report(h.hostLoc(), "Host '" + h.host() + "' is no service in " + SystemModel.scopeLabel(from)
                    + " where nginx runs as " + from.label() + " (services: "
                    + Arch.names(model.namesVisibleFrom(from), 8) + "); nginx fails to resolve it, use the "
                    + "service name", rel);
        }
    }

    /** Kubernetes containers of one pod share localhost: a sidecar serving the port makes localhost valid. */
    private static boolean podServes(Node n, int port) {
        for (int i = 1; i < n.workload().containers().size(); i++) {
            Container c = n.workload().containers().get(i);
            for (Port p : c.ports()) {
                if (p.port() == port) {
                    return true;
                }
            }
        }
        return false;
    }
}

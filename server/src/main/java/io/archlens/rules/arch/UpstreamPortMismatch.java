package io.archlens.rules.arch;

import io.archlens.analysis.Category;
import io.archlens.analysis.Related;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.model.Facts.HostRef;
import io.archlens.model.Facts.ServicePort;
import io.archlens.model.ProjectReporter;
import io.archlens.model.ProxyTargets;
import io.archlens.model.ProjectRule;
import io.archlens.model.SystemModel;
import io.archlens.model.SystemModel.Node;
import io.archlens.model.SystemModel.Resolution;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** nginx proxies to a service on a port the service does not serve. */
public final class UpstreamPortMismatch implements ProjectRule {
    static final RuleMeta META = RuleMeta.of("arch/upstream-port-mismatch",
            "nginx proxies to a port the target service does not serve", Severity.ERROR, Category.RELIABILITY,
            null).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SystemModel model, ProjectReporter out) {
        for (ProxyTargets.Target t : ProxyTargets.all(model)) {
            HostRef h = t.ref();
            Node from = t.from();
            if (SystemModel.unresolvable(h.host()) || SystemModel.loopback(h.host())) {
                continue;
            }
            Resolution r = model.resolve(from, h.host());
            if (r != null && r.found()) {
                checkOne(model, h, r, out);
            }
        }
    }

    private static void checkOne(SystemModel model, HostRef h, Resolution r, ProjectReporter out) {
        int port = ProxyTargets.port(h);
        Set<Integer> offered = new LinkedHashSet<>();
        List<Related> rel = new ArrayList<>();
        String target;
        boolean inferred = r.service() == null;
        String assumption = "";
        if (r.service() != null) {
            for (ServicePort sp : r.service().ports()) {
                if (sp.port() == port) {
                    return;
                }
                offered.add(sp.port());
                rel.add(sp.portLoc().related("Service '" + r.service().name() + "' port " + sp.port()));
            }
            target = "Service '" + r.service().name() + "'";
        } else {
            for (Node n : r.nodes()) {
                if (n.serves(port)) {
                    return;
                }
                SystemModel.Listen l = n.listen();
                if (!Arch.inferred(l) || !n.containerPorts().isEmpty()) {
                    inferred = false;
                } else {
                    assumption = Arch.assumption(l);
                }
                for (SystemModel.PortSource p : l.ports()) {
                    offered.add(p.port());
                }
                rel.addAll(Arch.listenRelated(n, l));
                for (io.archlens.model.Facts.Port p : l.basis() == SystemModel.Basis.APP ? List.<io.archlens.model.Facts.Port>of()
                        : n.containerPorts()) {
                    if (offered.add(p.port())) {
                        rel.add(p.loc().related("container port " + p.port() + " of " + n.label()));
                    }
                }
            }
            target = r.nodes().get(0).label();
        }
        if (offered.isEmpty()) {
            return;
        }
        String portText = h.port() == null ? "the default port " + port : "port " + port;
        io.archlens.model.Loc at = h.portLoc() != null ? h.portLoc() : h.hostLoc();
        if (inferred) {
            out.warn(at, "nginx proxies to " + h.host() + " on " + portText + " but " + target + " probably serves "
                    + Arch.ports(offered) + assumption + "; if so requests fail with 502, use the service's port or "
                    + "declare the port it listens on", rel);
            return;
        }
        out.report(at, "nginx proxies to " + h.host() + " on " + portText + " but " + target + " serves "
                + Arch.ports(offered) + "; requests fail with 502, use the service's port", rel,
                h.port() != null && offered.size() == 1
                        ? Arch.portFix(model, at, port, offered.iterator().next())
                        : new io.archlens.analysis.Fix[0]);
    }
}

package io.archlens.rules.arch;

import io.archlens.analysis.Category;
import io.archlens.analysis.Related;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.model.Facts.IngressBackend;
import io.archlens.model.Facts.KService;
import io.archlens.model.Facts.Platform;
import io.archlens.model.Facts.ServicePort;
import io.archlens.model.ProjectReporter;
import io.archlens.model.ProjectRule;
import io.archlens.model.SystemModel;
import io.archlens.model.SystemModel.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * An Ingress routes to a Service that is not defined (often: a workload exists but no Service exposes it), or to
 * a port that Service does not have.
 */
public final class IngressBackendMissing implements ProjectRule {
    static final RuleMeta META = RuleMeta.of("arch/ingress-backend-missing",
            "An Ingress routes to a Service or port that does not exist", Severity.ERROR, Category.RELIABILITY,
            null);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SystemModel model, ProjectReporter out) {
        for (IngressBackend b : model.ingressBackends()) {
            KService svc = null;
            for (KService s : model.services(b.scope())) {
                if (s.name().equals(b.service())) {
                    svc = s;
                }
            }
            if (svc == null) {
                missingService(model, b, out);
            } else if (b.portLoc() != null) {
                checkPort(b, svc, out);
            }
        }
    }

    private static void missingService(SystemModel model, IngressBackend b, ProjectReporter out) {
        List<Node> inNs = model.nodesIn(Platform.KUBERNETES, b.scope());
        boolean noServices = model.services(b.scope()).isEmpty();
        if (inNs.isEmpty() && noServices || model.workspace().definesNear("Service", b.service(), b.serviceLoc().path())
                || noServices && model.workspace().defines("Service", b.service())) {
            // nothing of the namespace here; a related folder defines the Service; or the project keeps no Services
            // and the repository defines this one (an extra applied on top of the main manifests)
            return;
        }
        List<Related> rel = new ArrayList<>();
        String hint = "";
        for (Node n : inNs) {
            if (n.name().equals(b.service())) {
                rel.add(n.workload().nameLoc().related(n.label() + " exists, but no Service named '" + b.service()
                        + "' exposes it"));
                hint = "; " + n.label() + " exists but no Service exposes it, add one";
            }
        }
        List<String> names = new ArrayList<>();
        for (KService s : model.services(b.scope())) {
            names.add(s.name());
        }
        out.report(b.serviceLoc(), "Ingress '" + b.ingress() + "' routes to Service '" + b.service() + "', which is not "
                + "defined in namespace '" + b.scope() + "' (Services: " + Arch.names(names, 8) + "); the route returns "
                + "503" + (hint.isEmpty() ? ", fix the name" : hint), rel);
    }

    private static void checkPort(IngressBackend b, KService svc, ProjectReporter out) {
        List<String> offered = new ArrayList<>();
        List<Related> rel = new ArrayList<>();
        for (ServicePort sp : svc.ports()) {
            if ((b.port() != null && sp.port() == b.port()) || (b.portName() != null && b.portName().equals(sp.name()))) {
                return;
            }
            offered.add(sp.name() == null ? String.valueOf(sp.port()) : sp.port() + " (" + sp.name() + ")");
            rel.add(sp.portLoc().related("Service '" + svc.name() + "' port " + sp.port()));
        }
        if (offered.isEmpty()) {
            return;
        }
        String asked = b.port() != null ? "port " + b.port() : "port '" + b.portName() + "'";
        out.report(b.portLoc(), "Ingress '" + b.ingress() + "' routes to " + asked + " of Service '" + svc.name()
                + "', which serves " + String.join(", ", offered) + "; the route returns 503, use the Service's port",
                rel);
    }
}

package io.archlens.rules.arch;

import io.archlens.analysis.Category;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.model.Facts.Probe;
import io.archlens.model.ProjectReporter;
import io.archlens.model.ProjectRule;
import io.archlens.model.SystemModel;
import io.archlens.model.SystemModel.Node;
import java.util.List;

/**
 * A Kubernetes probe or Compose healthcheck calls a path that no route of the workload's code serves: the probe
 * fails, the pod never gets ready (or restarts), the container stays unhealthy. Spring Boot Actuator paths are
 * left to {@code arch/probe-path-not-exposed}; the root path is left alone (static content may serve it).
 */
public final class ProbePathNotServed implements ProjectRule {
    static final RuleMeta META = RuleMeta.of("arch/probe-path-not-served",
            "A probe or healthcheck calls a path the workload's code does not serve", Severity.ERROR,
            Category.RELIABILITY, null);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SystemModel model, ProjectReporter out) {
        for (Node n : model.nodes()) {
            if (n.main() == null || n.main().probes().isEmpty()) {
                continue;
            }
            List<Routes.Served> routes = Routes.served(n);
            if (routes.isEmpty()) {
                continue;
            }
            String actuator = Routes.actuator(n);
            for (Probe p : n.main().probes()) {
                String path = Routes.clean(p.path());
                if (path.isEmpty() || actuator != null && (path.equals(actuator) || path.startsWith(actuator + "/"))
                        || path.contains("$") || served(routes, path)) {
                    continue;
                }
                String what = p.type().equals("healthcheck") ? "The healthcheck of " + n.label()
                        : "The " + p.type() + " of " + n.label();
                out.report(p.pathLoc(), what + " calls " + path + " but no route of the code it runs serves that path ("
                        + routes.size() + " routes" + (actuator != null ? ", actuator at " + actuator : "") + "); the "
                        + "probe gets 404 and the workload is never healthy, probe a served path or add the route",
                        Routes.related(routes, n.name() + " serves"));
            }
        }
    }

    private static boolean served(List<Routes.Served> routes, String path) {
        for (Routes.Served r : routes) {
            if ((r.method().equals("GET") || r.method().equals("*")) && Routes.at(r, path, Routes::matches)) {
                return true;
            }
        }
        return false;
    }
}

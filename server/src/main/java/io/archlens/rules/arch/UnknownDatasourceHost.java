package io.archlens.rules.arch;

import io.archlens.analysis.Category;
import io.archlens.analysis.Related;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.model.Connections;
import io.archlens.model.ProjectReporter;
import io.archlens.model.ProjectRule;
import io.archlens.model.SystemModel;
import io.archlens.model.SystemModel.Node;
import io.archlens.model.SystemModel.Resolution;
import java.util.List;

/**
 * A Spring application connects (datasource, Redis, MongoDB, RabbitMQ, Kafka, Elasticsearch) to a host that is
 * no service where the application runs, or to localhost, which inside a container is the container itself.
 */
public final class UnknownDatasourceHost implements ProjectRule {
    static final RuleMeta META = RuleMeta.of("arch/unknown-datasource-host",
            "A Spring connection points at a host that is no service where the application runs", Severity.ERROR,
            Category.RELIABILITY, null);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SystemModel model, ProjectReporter out) {
        for (Node n : model.nodes()) {
            for (Connections.Conn c : n.connections()) {
                if (SystemModel.unresolvable(c.host())) {
                    continue;
                }
                List<Related> rel = List.of(n.workload().nameLoc().related("the application runs as " + n.label()));
                if (SystemModel.loopback(c.host())) {
                    out.report(c.hostLoc(), c.property() + " points at " + c.host() + ", which inside " + n.label()
                            + " is the application's own container; use the " + c.role() + " service's name ("
                            + Arch.names(model.namesVisibleFrom(n), 8) + ")", rel);
                    continue;
                }
                Resolution r = model.resolve(n, c.host());
                if (r == null || r.found()) {
                    continue;
                }
                out.report(c.hostLoc(), c.property() + " host '" + c.host() + "' is no service in "
                        + SystemModel.scopeLabel(n) + " where the application runs as " + n.label() + " (services: "
                        + Arch.names(model.namesVisibleFrom(n), 8) + "); the connection fails at startup, use the "
                        + c.role() + " service's name", rel);
            }
        }
    }
}

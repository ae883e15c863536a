package io.archlens.rules.arch;

import io.archlens.analysis.Category;
import io.archlens.analysis.Related;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.code.ServiceUrl;
import io.archlens.model.CodeView;
import io.archlens.model.Facts.KService;
import io.archlens.model.Facts.ServicePort;
import io.archlens.model.ProjectReporter;
import io.archlens.model.ProjectRule;
import io.archlens.model.SystemModel;
import io.archlens.model.SystemModel.Node;
import io.archlens.model.SystemModel.Resolution;
import java.util.ArrayList;
import java.util.List;

/**
 * A URL written in the code names a host that is no service where the workload runs (a single-label name, or a
 * cluster name {@code svc.ns}), or a port the service it names does not serve. External domains are left alone.
 */
public final class UnknownServiceUrl implements ProjectRule {
    static final RuleMeta META = RuleMeta.of("arch/unknown-service-url",
            "A URL in the code names a host or port no service of the project serves", Severity.ERROR,
            Category.RELIABILITY, null);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SystemModel model, ProjectReporter out) {
        for (Node n : model.nodes()) {
            for (CodeView.At<ServiceUrl> u : CodeView.urls(n)) {
                check(model, n, u, out);
            }
        }
    }

    private static void check(SystemModel model, Node n, CodeView.At<ServiceUrl> at, ProjectReporter out) {
        ServiceUrl u = at.fact();
        String host = u.host();
        if (SystemModel.unresolvable(host) || SystemModel.loopback(host) || host.equalsIgnoreCase(n.name())) {
            return;
        }
        Resolution r = model.resolve(n, host);
        if (r == null) {
            return; // an external name
        }
        List<Related> rel = new ArrayList<>();
        rel.add(n.workload().nameLoc().related("the code runs as " + n.label()));
        if (!r.found()) {
            out.report(at.loc(), "The code of " + n.name() + " calls " + u.url() + " but '" + host + "' is no service in "
                    + SystemModel.scopeLabel(n) + " (services: " + Arch.names(model.namesVisibleFrom(n), 8)
                    + "); the call fails with an unknown host, use the target service's name", rel);
            return;
        }
        if (u.port() == null && u.scheme().contains("+srv")) {
            return; // mongodb+srv: the port comes from a DNS SRV record
        }
        int port = u.port() != null ? u.port() : schemePort(u.scheme());
        if (r.service() != null) {
            KService s = r.service();
            for (ServicePort sp : s.ports()) {
                if (sp.port() == port) {
                    return;
                }
            }
            rel.add(s.nameLoc().related("Service '" + s.name() + "' has ports " + ports(s)));
            out.report(at.loc(), "The code of " + n.name() + " calls " + u.url() + " on port " + port + " but Service '"
                    + s.name() + "' exposes " + ports(s) + "; the connection is refused, use a port the Service has",
                    rel);
            return;
        }
        for (Node t : r.nodes()) {
            if (t.serves(port)) {
                return;
            }
        }
        Node t = r.nodes().get(0);
        SystemModel.Listen l = t.listen();
        if (l.ports().isEmpty()) {
            List<Integer> declared = new ArrayList<>();
            for (io.archlens.model.Facts.Port p : t.containerPorts()) {
                declared.add(p.port());
                rel.add(p.loc().related(t.name() + " declares port " + p.port()));
            }
            if (!declared.isEmpty()) {
                out.warn(at.loc(), "The code of " + n.name() + " calls " + u.url() + " on port " + port + " but " + t.name()
                        + " declares only " + Arch.ports(declared) + " (assumed: it listens on the ports it declares); "
                        + "the connection is probably refused, call a declared port", rel);
            }
            return;
        }
        rel.addAll(Arch.listenRelated(t, l));
        String msg = "The code of " + n.name() + " calls " + u.url() + " on port " + port + " but " + t.name()
                + " listens on " + l.describe() + "; the connection is refused, call port " + l.ports().get(0).port();
        if (Arch.inferred(l)) {
            out.warn(at.loc(), msg + Arch.assumption(l), rel);
        } else {
            out.report(at.loc(), msg, rel);
        }
    }

    private static String ports(KService s) {
        List<String> p = new ArrayList<>();
        for (ServicePort sp : s.ports()) {
            p.add(String.valueOf(sp.port()));
        }
        return p.isEmpty() ? "no ports" : String.join(", ", p);
    }

    /** The port a URL of this scheme means when it names none ({@code postgres://db/app} is db:5432). */
    static int schemePort(String scheme) {
        return switch (scheme.toLowerCase(java.util.Locale.ROOT)) {
            case "https", "wss", "grpcs" -> 443;
            case "postgres", "postgresql" -> 5432;
            case "mysql" -> 3306;
            case "redis", "rediss" -> 6379;
            case "mongodb" -> 27017;
            case "amqp" -> 5672;
            case "amqps" -> 5671;
            case "nats" -> 4222;
            case "kafka" -> 9092;
            default -> 80;
        };
    }
}

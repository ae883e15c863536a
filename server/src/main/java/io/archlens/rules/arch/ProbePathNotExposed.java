package io.archlens.rules.arch;

import io.archlens.analysis.Category;
import io.archlens.analysis.Related;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.model.Facts.Container;
import io.archlens.model.Facts.Platform;
import io.archlens.model.Facts.Probe;
import io.archlens.model.Facts.Prop;
import io.archlens.model.FileFacts;
import io.archlens.model.ProjectReporter;
import io.archlens.model.ProjectRule;
import io.archlens.model.SystemModel;
import io.archlens.model.SystemModel.Node;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A Kubernetes probe (or Compose healthcheck URL) calls a Spring Boot actuator path the application's
 * configuration does not serve: endpoint not exposed, probes not enabled, another base path or port.
 */
public final class ProbePathNotExposed implements ProjectRule {
    static final RuleMeta META = RuleMeta.of("arch/probe-path-not-exposed",
            "A probe calls an actuator path the Spring configuration does not expose", Severity.ERROR,
            Category.RELIABILITY, null);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SystemModel model, ProjectReporter out) {
        for (Node n : model.nodes()) {
            if (!n.binding().spring() || n.main() == null) {
                continue;
            }
            Actuator a = Actuator.of(n);
            for (Container c : List.of(n.main())) {
                for (Probe p : c.probes()) {
                    check(model, n, a, p, out);
                }
            }
        }
    }

    private static void check(SystemModel model, Node n, Actuator a, Probe p, ProjectReporter out) {
        String path = p.path() == null ? "/" : p.path();
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String what = p.type().equals("healthcheck") ? "The healthcheck of " + n.label() : "The " + p.type() + " of " + n.label();
        if (!(path.equals(a.prefix) || path.startsWith(a.prefix + "/"))) {
            if (path.contains("/actuator")) {
                out.report(p.pathLoc(), what + " calls " + path + " but the application serves the actuator at "
                        + a.prefix + " (" + a.prefixWhy + "); the probe gets 404, call " + a.prefix
                        + path.substring(path.indexOf("/actuator") + "/actuator".length()), a.related(n));
            }
            return;
        }
        String rest = path.substring(a.prefix.length());
        String endpoint = rest.isEmpty() ? "" : rest.substring(1).split("/")[0];
        String sub = rest.isEmpty() || rest.substring(1).indexOf('/') < 0 ? "" : rest.substring(1 + endpoint.length() + 1);
        if (!endpoint.isEmpty() && !a.exposed(endpoint)) {
            out.report(p.pathLoc(), what + " calls " + path + " but the '" + endpoint + "' endpoint is not exposed "
                    + "over HTTP (management.endpoints.web.exposure.include is '" + a.include + "'); the probe gets "
                    + "404, expose it or probe /health", a.related(n));
            return;
        }
        if (endpoint.equals("health") && (sub.equals("liveness") || sub.equals("readiness"))
                && !a.probesEnabled(n.platform())) {
            out.report(p.pathLoc(), what + " calls " + path + " but health probe groups are "
                    + (a.probesSetting != null ? "disabled (management.endpoint.health.probes.enabled)"
                    : "only enabled automatically on Kubernetes") + "; the probe gets 404, set "
                    + "management.endpoint.health.probes.enabled=true", a.related(n));
            return;
        }
        if (a.managementPort != null && p.port() != null && !p.port().equals(a.managementPort)) {
            out.report(p.portLoc(), what + " calls the actuator on port " + p.port() + " but management.server.port is "
                    + a.managementPort + "; the probe fails, use port " + a.managementPort, a.related(n));
        } else if (a.managementPort == null && p.port() != null && !n.listen().has(p.port())) {
            java.util.List<Related> rel = new java.util.ArrayList<>(a.related(n));
            for (SystemModel.PortSource s : n.listen().ports()) {
                rel.add(Arch.related(s, n, n.name() + " listens on " + s.port() + " (" + s.what() + ")"));
            }
            out.report(p.portLoc(), what + " calls the actuator on port " + p.port() + " but the application serves it "
                    + "on " + n.listen().describe() + " and sets no management.server.port; the probe fails, use the "
                    + "application's port or configure the management port", rel);
        }
    }

    /** The actuator as the application's effective properties configure it. */
    static final class Actuator {
        String prefix;
        String prefixWhy;
        String include;
        Set<String> included = new LinkedHashSet<>();
        Set<String> excluded = new LinkedHashSet<>();
        Boolean probesSetting;
        Integer managementPort;
        final List<Prop> props = new ArrayList<>();
        FileFacts firstApp;

        static Actuator of(Node n) {
            Actuator a = new Actuator();
            a.firstApp = n.binding().apps().get(0);
            Prop mport = n.prop("management.server.port");
            String mp = n.resolved(mport);
            try {
                a.managementPort = mp == null ? null : Integer.parseInt(mp.strip());
            } catch (NumberFormatException e) {
                a.managementPort = null;
            }
            Prop ctxPath = n.prop("server.servlet.contextpath");
            Prop mgmtBase = n.prop("management.server.basepath");
            if (mgmtBase == null) {
                mgmtBase = n.prop("management.server.servlet.contextpath");
            }
            Prop base = n.prop("management.endpoints.web.basepath");
            String prefix = a.managementPort != null ? clean(n.resolved(mgmtBase)) : clean(n.resolved(ctxPath));
            String b = base == null ? "/actuator" : clean(n.resolved(base));
            a.prefix = (prefix + b).isEmpty() ? "" : prefix + b;
            List<String> why = new ArrayList<>();
            for (Prop p : new Prop[] {a.managementPort != null ? mgmtBase : ctxPath, base}) {
                if (p != null) {
                    why.add(p.key() + ": " + p.value());
                    a.props.add(p);
                }
            }
            a.prefixWhy = why.isEmpty() ? "default" : String.join(", ", why);
            Prop inc = n.prop("management.endpoints.web.exposure.include");
            a.include = inc == null ? "health" : n.resolved(inc) == null ? "" : n.resolved(inc);
            for (String s : a.include.split(",")) {
                a.included.add(s.strip().toLowerCase(Locale.ROOT));
            }
            Prop exc = n.prop("management.endpoints.web.exposure.exclude");
            if (exc != null && n.resolved(exc) != null) {
                for (String s : n.resolved(exc).split(",")) {
                    a.excluded.add(s.strip().toLowerCase(Locale.ROOT));
                }
                a.props.add(exc);
            }
            if (inc != null) {
                a.props.add(inc);
            }
            Prop probes = n.prop("management.endpoint.health.probes.enabled");
            if (probes != null && n.resolved(probes) != null) {
                a.probesSetting = Boolean.parseBoolean(n.resolved(probes).strip());
                a.props.add(probes);
            }
            if (mport != null) {
                a.props.add(mport);
            }
            return a;
        }

        private static String clean(String s) {
            if (s == null || s.isBlank() || s.strip().equals("/")) {
                return "";
            }
            String t = s.strip();
            if (!t.startsWith("/")) {
                t = "/" + t;
            }
            return t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
        }

        boolean exposed(String endpoint) {
            String e = endpoint.toLowerCase(Locale.ROOT);
            if (excluded.contains(e) || excluded.contains("*")) {
                return false;
            }
            return included.contains(e) || included.contains("*");
        }

        boolean probesEnabled(Platform p) {
            return probesSetting != null ? probesSetting : p == Platform.KUBERNETES;
        }

        List<Related> related(Node n) {
            List<Related> out = new ArrayList<>();
            for (Prop p : props) {
                out.add(p.keyLoc().related(p.key() + " = " + p.value()));
            }
            if (out.isEmpty()) {
                out.add(SystemModel.top(firstApp).related("Spring configuration of " + n.name() + " (actuator defaults)"));
            }
            return out;
        }
    }
}

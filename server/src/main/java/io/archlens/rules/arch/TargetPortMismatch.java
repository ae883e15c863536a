package io.archlens.rules.arch;

import io.archlens.analysis.Category;
import io.archlens.analysis.Related;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.model.Facts.Container;
import io.archlens.model.Facts.KService;
import io.archlens.model.Facts.Port;
import io.archlens.model.Facts.ServicePort;
import io.archlens.model.ProjectReporter;
import io.archlens.model.ProjectRule;
import io.archlens.model.SystemModel;
import io.archlens.model.SystemModel.Node;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A Kubernetes Service's targetPort is no port of the pods it selects. */
public final class TargetPortMismatch implements ProjectRule {
    static final RuleMeta META = RuleMeta.of("arch/target-port-mismatch",
            "A Service targetPort matches no port of the pods it selects", Severity.ERROR, Category.RELIABILITY,
            null).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SystemModel model, ProjectReporter out) {
        for (KService s : model.services()) {
            List<Node> pods = model.selected(s);
            if (pods.isEmpty()) {
                continue;
            }
            for (ServicePort sp : s.ports()) {
                if (sp.targetName() != null) {
                    checkNamed(s, sp, pods, out);
                } else if (sp.targetPort() != null) {
                    checkNumber(model, s, sp, pods, out);
                }
            }
        }
    }

    private static void checkNamed(KService s, ServicePort sp, List<Node> pods, ProjectReporter out) {
        Set<String> names = new LinkedHashSet<>();
        List<Related> rel = new ArrayList<>();
        for (Node n : pods) {
            for (Container c : n.workload().containers()) {
                for (Port p : c.ports()) {
                    if (p.name() != null) {
                        if (p.name().equals(sp.targetName())) {
                            return;
                        }
                        names.add(p.name());
                        rel.add(p.loc().related("port '" + p.name() + "' of " + n.label()));
                    }
                }
            }
            if (rel.isEmpty()) {
                rel.add(n.workload().nameLoc().related(n.label() + " declares no named port"));
            }
        }
        out.report(sp.targetLoc(), "targetPort '" + sp.targetName() + "' of Service '" + s.name()
                + "' names no container port of the pods it selects (named ports: " + Arch.names(names, 5)
                + "); the Service has no usable endpoints, name the containerPort or use its number", rel);
    }

    private static void checkNumber(SystemModel model, KService s, ServicePort sp, List<Node> pods,
            ProjectReporter out) {
        int target = sp.targetPort();
        Set<Integer> offered = new LinkedHashSet<>();
        List<Related> rel = new ArrayList<>();
        boolean inferred = true;
        boolean undeclaredOnly = false;
        String assumption = "";
        for (Node n : pods) {
            List<Port> declared = new ArrayList<>();
            for (Container c : n.workload().containers()) {
                declared.addAll(c.ports());
            }
            if (declared.isEmpty()) {
                SystemModel.Listen l = n.listen();
                if (l.basis() == SystemModel.Basis.NONE || l.has(target)) {
                    return;
                }
                for (SystemModel.PortSource p : l.ports()) {
                    offered.add(p.port());
                }
                if (Arch.inferred(l)) {
                    assumption = Arch.assumption(l);
                } else {
                    inferred = false;
                }
                rel.addAll(Arch.listenRelated(n, l));
                continue;
            }
            inferred = false;
            for (Port p : declared) {
                if (p.port() == target) {
                    return;
                }
                offered.add(p.port());
                rel.add(p.loc().related("containerPort " + p.port() + " of " + n.label()));
            }
            SystemModel.Listen l = n.listen();
            if (l.has(target)) {
                return;
            }
            if (l.basis() != SystemModel.Basis.APP || Arch.inferred(l)) {
                undeclaredOnly = true; // only the declared list disagrees: containerPort is informational
            }
        }
        String whom = pods.size() == 1 ? pods.get(0).label() : pods.size() + " workloads";
        if (inferred) {
            out.warn(sp.targetLoc(), "Service '" + s.name() + "' sends port " + target + " to " + whom
                    + ", which probably listens on " + Arch.ports(offered) + assumption + "; if so traffic through the "
                    + "Service is refused, declare the containerPort and point the Service at it", rel);
            return;
        }
        boolean implicit = sp.targetLoc().equals(sp.portLoc());
        if (undeclaredOnly) {
            // Kubernetes delivers to ports a container does not declare: only a listen read from a file is a fact
            out.warn(sp.targetLoc(), (implicit ? "Service '" + s.name() + "' has no targetPort, so it sends port "
                    + target : "targetPort " + target + " of Service '" + s.name() + "'") + " is not among the ports "
                    + whom + " declares (" + Arch.ports(offered) + "); Kubernetes still delivers it, so it works only if"
                    + " the container listens on " + target + " (assumed it does not): declare it as a containerPort, or"
                    + " point the Service at a declared port", rel);
            return;
        }
        String what = implicit ? "Service '" + s.name() + "' has no targetPort, so it sends port " + target
                + " to the pods, but that is not a port of " : "targetPort " + target + " of Service '" + s.name()
                + "' is not a port of ";
        out.report(sp.targetLoc(), what + whom + " (" + Arch.ports(offered) + "); traffic through the Service is "
                + "refused, " + (implicit ? "add targetPort: " + offered.iterator().next() : "point it at the container's port"),
                rel, offered.size() == 1 && !implicit
                        ? Arch.portFix(model, sp.targetLoc(), target, offered.iterator().next())
                        : new io.archlens.analysis.Fix[0]);
    }
}

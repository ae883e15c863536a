package io.archlens.rules.arch;

import io.archlens.analysis.Category;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Related;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.model.Facts.ImageSpec;
import io.archlens.model.Facts.Platform;
import io.archlens.model.Facts.Port;
import io.archlens.model.ProjectReporter;
import io.archlens.model.ProjectRule;
import io.archlens.model.SystemModel;
import io.archlens.model.SystemModel.Basis;
import io.archlens.model.SystemModel.Listen;
import io.archlens.model.SystemModel.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * The port a container declares (Dockerfile EXPOSE, Compose ports/expose, Kubernetes containerPort) is not the
 * port the application in it listens on (Spring server.port, nginx listen; else EXPOSE or the image default).
 */
public final class PortMismatch implements ProjectRule {
    static final RuleMeta META = RuleMeta.of("arch/port-mismatch",
            "A container port disagrees with the port the application listens on", Severity.ERROR,
            Category.RELIABILITY, null).withFix();

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SystemModel model, ProjectReporter out) {
        for (Node n : model.nodes()) {
            Listen listen = n.listen();
            if (listen.basis() == Basis.NONE) {
                continue;
            }
            List<Related> why = Arch.listenRelated(n, listen);
            ImageSpec df = SystemModel.dockerfile(n);
            if (listen.basis() == Basis.APP && df != null && !df.exposes().isEmpty() && noneMatch(df.exposes(), listen)) {
                for (Port p : df.exposes()) {
                    List<Related> rel = new ArrayList<>(why);
                    rel.add(n.workload().nameLoc().related("built for " + n.label()));
                    if (Arch.inferred(listen)) {
                        out.warn(p.loc(), "EXPOSE " + p.port() + " is not the port the application listens on by default"
                                + Arch.assumption(listen) + "; document the real port so tools and readers use it",
                                rel, fix(model, p, listen));
                        continue;
                    }
                    out.report(p.loc(), "EXPOSE " + p.port() + " does not match the port the application listens on ("
                            + listen.describe() + "); document the real port so tools and readers use it",
                            rel, fix(model, p, listen));
                }
            }
            List<Port> declared = new ArrayList<>();
            if (n.main() != null) {
                declared.addAll(n.main().ports());
                declared.addAll(n.main().expose());
            }
            if (declared.isEmpty() || !noneMatch(declared, listen)) {
                continue;
            }
            String basis = listen.basis() == Basis.APP ? "the application listens on"
                    : listen.basis() == Basis.EXPOSE ? "the image EXPOSEs" : "the image listens on";
            for (Port p : declared) {
                String what = n.platform() == Platform.COMPOSE ? "Container port " + p.port() + " of " + n.label()
                        : "containerPort " + p.port() + " of " + n.label();
                if (Arch.inferred(listen)) {
                    // one side is a guess from the image name: a warning that says so, never an error
                    out.warn(p.loc(), what + " is not the port " + (listen.basis() == Basis.IMAGE ? "the image usually"
                            : "the application by default") + " listens on" + Arch.assumption(listen)
                            + "; if the container really listens there, connections to " + p.port() + " are refused, "
                            + "make the two agree or configure the port explicitly", why, fix(model, p, listen));
                    continue;
                }
                out.report(p.loc(), what + " does not match the port " + basis + " (" + listen.describe()
                        + "); connections to " + p.port() + " are refused, make the two agree", why,
                        fix(model, p, listen));
            }
        }
    }

    private static boolean noneMatch(List<Port> ports, Listen listen) {
        for (Port p : ports) {
            if (listen.has(p.port())) {
                return false;
            }
        }
        return true;
    }

    private static Fix[] fix(SystemModel model, Port p, Listen listen) {
        if (listen.ports().size() != 1) {
            return new Fix[0];
        }
        return Arch.portFix(model, p.loc(), p.port(), listen.ports().get(0).port());
    }
}

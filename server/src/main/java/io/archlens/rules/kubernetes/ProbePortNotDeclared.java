package io.archlens.rules.kubernetes;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.kubernetes.Container;
import io.archlens.syntax.kubernetes.K8sFile;
import io.archlens.syntax.kubernetes.K8sObject;
import io.archlens.syntax.yaml.YMap;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import io.archlens.syntax.yaml.YSeq;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A probe aimed at a named port the container does not define, or at a number it does not expose. */
public final class ProbePortNotDeclared implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/probe-port-not-declared",
            "Probe targets a port the container does not declare", Severity.WARNING, Category.RELIABILITY,
            FileKind.KUBERNETES);
    private static final List<String> PROBES = List.of("livenessProbe", "readinessProbe", "startupProbe");
    private static final List<String> HANDLERS = List.of("httpGet", "tcpSocket", "grpc");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sObject o : f.objects()) {
            if (o.pod() == null) {
                continue;
            }
            for (Container c : o.pod().containers()) {
                Set<String> names = new HashSet<>();
                Set<Long> numbers = new HashSet<>();
                if (c.map().get("ports") instanceof YSeq ports) {
                    for (YNode p : ports.items()) {
                        if (p instanceof YMap pm) {
                            if (pm.getText("name") != null) {
                                names.add(pm.getText("name").strip());
                            }
                            if (pm.get("containerPort") instanceof YScalar n && n.asLong() != null) {
                                numbers.add(n.asLong());
                            }
                        }
                    }
                }
                for (String probe : PROBES) {
                    for (String handler : HANDLERS) {
                        YNode port = c.map().at(probe, handler, "port");
                        if (!(port instanceof YScalar s) || s.value().isBlank()) {
                            continue;
                        }
                        Long number = s.asLong();
                        if (number == null && !names.contains(s.value().strip())) {
                            ctx.report(s.range(), o.label() + ": the " + probe + " of " + c.label() + " uses port '"
                                    + s.value().strip() + "', which is not a named port of the container, so the probe "
                                    + "always fails; name the port under ports or use the number");
                        } else if (number != null && !numbers.isEmpty() && !numbers.contains(number)) {
                            ctx.report(s.range(), o.label() + ": the " + probe + " of " + c.label() + " checks port "
                                    + number + " but the container declares " + numbers + "; probe the port the "
                                    + "application listens on (or declare it)");
                        }
                    }
                }
            }
        }
    }
}

package io.archlens.rules.kubernetes;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.kubernetes.Container;
import io.archlens.syntax.kubernetes.K8sFile;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;

/** A container port 22: an SSH daemon in a container is a second way in, outside the orchestrator's control. */
public final class SshPort implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/ssh-port", "Container exposes the SSH port",
            Severity.WARNING, Category.SECURITY, FileKind.KUBERNETES);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sSupport.PodContainer pc : K8sSupport.containers(f)) {
            for (YNode p : K8sSupport.items(pc.container(), "ports")) {
                if (p.at("containerPort") instanceof YScalar s && Long.valueOf(22).equals(s.asLong())) {
                    ctx.report(s.range(), pc.object().label() + ": " + pc.container().label() + " declares port 22: "
                            + "an SSH server in a container is a login path that bypasses RBAC and audit logs; use "
                            + "kubectl exec or an ephemeral debug container");
                }
            }
        }
    }
}

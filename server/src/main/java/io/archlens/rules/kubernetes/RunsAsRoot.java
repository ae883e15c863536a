package io.archlens.rules.kubernetes;

import io.archlens.analysis.Category;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.Severity;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.kubernetes.Container;
import io.archlens.syntax.kubernetes.K8sFile;
import io.archlens.syntax.kubernetes.K8sObject;
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code runAsUser: 0}, {@code runAsNonRoot: false} or {@code runAsGroup: 0}: the container is told to run as root or
 * with the root group.
 */
public final class RunsAsRoot implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/runs-as-root", "Container is set to run as root",
            Severity.WARNING, Category.SECURITY, FileKind.KUBERNETES);

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
            Set<TextRange> seen = new HashSet<>();
            for (Container c : o.pod().all()) {
                YNode user = K8sSupport.effective(o.pod(), c, "runAsUser");
                YNode nonRoot = K8sSupport.effective(o.pod(), c, "runAsNonRoot");
                if (user instanceof YScalar s && Long.valueOf(0).equals(s.asLong()) && seen.add(s.range())) {
                    ctx.report(s.range(), o.label() + ": runAsUser: 0 runs " + c.label() + " as root: a container "
                            + "escape lands as root on the node; use a non-zero UID (e.g. 10001)");
                } else if (K8sSupport.isFalse(nonRoot) && seen.add(nonRoot.range())) {
                    ctx.report(nonRoot.range(), o.label() + ": runAsNonRoot: false lets " + c.label() + " run as "
                            + "root; set it to true and use a non-root image user");
                } else if (K8sSupport.effective(o.pod(), c, "runAsGroup") instanceof YScalar g
                        && Long.valueOf(0).equals(g.asLong()) && seen.add(g.range())) {
                    ctx.report(g.range(), o.label() + ": runAsGroup: 0 runs " + c.label() + " with the root group: "
                            + "whatever the image and the node leave group-writable to root (mounted host files, "
                            + "devices) is its to change; use a non-zero GID (OpenShift adds group 0 itself when "
                            + "it needs it)");
                }
            }
        }
    }
}

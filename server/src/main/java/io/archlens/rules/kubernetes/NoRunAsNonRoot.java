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
import io.archlens.syntax.yaml.YNode;
import io.archlens.syntax.yaml.YScalar;
import java.util.Set;

/** Neither the container nor the pod says {@code runAsNonRoot: true} (or a non-zero runAsUser). */
public final class NoRunAsNonRoot implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/no-run-as-non-root", "Container may run as root",
            Severity.WARNING, Category.SECURITY, FileKind.KUBERNETES).withFix();

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
            for (Container c : o.pod().all()) {
                YNode nonRoot = K8sSupport.effective(o.pod(), c, "runAsNonRoot");
                YNode user = K8sSupport.effective(o.pod(), c, "runAsUser");
                Long uid = user instanceof YScalar s ? s.asLong() : null;
                if (K8sSupport.isTrue(nonRoot) || K8sSupport.isFalse(nonRoot) || (uid != null)) {
                    continue; // explicit choices: true/non-zero are fine, false/0 belong to k8s/runs-as-root
                }
                K8sSupport.report(ctx, c.anchor(), o.label() + ": " + c.label() + " does not set runAsNonRoot, so "
                        + "it runs as root whenever the image does; set securityContext.runAsNonRoot: true (and a "
                        + "non-root USER in the image)",
                        K8sSupport.defaultsFix(f, c),
                        K8sSupport.securityField(f, c, "Set runAsNonRoot: true", false, "true", "runAsNonRoot"));
            }
        }
    }
}

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

/** A long-running container without a liveness probe: a deadlocked process is never restarted. */
public final class NoLivenessProbe implements Rule<K8sFile> {
    private static final RuleMeta META = RuleMeta.of("k8s/no-liveness-probe", "Container has no liveness probe",
            Severity.INFO, Category.RELIABILITY, FileKind.KUBERNETES);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(K8sFile f, RuleContext ctx) {
        for (K8sObject o : f.objects()) {
            if (!K8sSupport.longRunning(o)) {
                continue;
            }
            for (Container c : o.pod().containers()) {
                if (c.map().get("livenessProbe") == null) {
                    ctx.report(c.anchor(), o.label() + ": " + c.label() + " has no livenessProbe: if it hangs "
                            + "(deadlock, exhausted pool) Kubernetes keeps it running; add a cheap liveness check "
                            + "that does not depend on downstream services");
                }
            }
        }
    }
}
